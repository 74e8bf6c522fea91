package io.dbsim.workload.script;

import java.util.random.RandomGenerator;

/**
 * PostgreSQL's pseudo-random generator (src/common/pg_prng.c): xoroshiro128** seeded through
 * splitmix64. pgbench's permute() needs it bit for bit; as the uniform source of a client it also
 * makes dbsim draw exactly the values pgbench draws for the same --random-seed (see {@link PgbenchSeeds}).
 * Not thread-safe: one per simulated user.
 */
public final class PgPrng implements RandomGenerator {

    private long s0;
    private long s1;

    private PgPrng(long s0, long s1) {
        this.s0 = s0;
        this.s1 = s1;
    }

    /** pg_prng_seed. */
    public static PgPrng seeded(long seed) {
        long state = seed;
        state += 0x9E3779B97F4A7C15L;
        long first = splitmix64(state);
        state += 0x9E3779B97F4A7C15L;
        long second = splitmix64(state);
        if (first == 0 && second == 0) {
            return new PgPrng(0x5851F42D4C957F2DL, 0x14057B7EF767814FL);
        }
        return new PgPrng(first, second);
    }

    /** pg_prng_uint64. */
    @Override
    public long nextLong() {
        long x0 = s0;
        long sx = s1 ^ x0;
        long value = Long.rotateLeft(x0 * 5, 7) * 9;
        s0 = Long.rotateLeft(x0, 24) ^ sx ^ (sx << 16);
        s1 = Long.rotateLeft(sx, 37);
        return value;
    }

    private static long splitmix64(long state) {
        long value = state;
        value = (value ^ (value >>> 30)) * 0xBF58476D1CE4E5B9L;
        value = (value ^ (value >>> 27)) * 0x94D049BB133111EBL;
        return value ^ (value >>> 31);
    }
}
