package io.dbsim.workload.script;

import java.util.random.RandomGenerator;

/**
 * pg_prng's ways of turning 64 random bits into a range or a double, applied to any generator, so
 * that with a {@link PgPrng} every draw is the one pgbench makes.
 */
final class Uniform {

    private static final double TWO_TO_MINUS_52 = 0x1p-52;

    private Uniform() {
    }

    /** pg_prng_uint64_range(0, range) with range read as unsigned: bitmask rejection. */
    static long upTo(RandomGenerator random, long range) {
        if (range == 0) {
            return 0;
        }
        int shift = Long.numberOfLeadingZeros(range);
        long value;
        do {
            value = random.nextLong() >>> shift;
        } while (Long.compareUnsigned(value, range) > 0);
        return value;
    }

    /** pg_prng_double: 52 random bits in [0, 1). */
    static double unit(RandomGenerator random) {
        return (random.nextLong() >>> 12) * TWO_TO_MINUS_52;
    }

    /** pg_prng_double_normal: one Box-Muller output. */
    static double normal(RandomGenerator random) {
        double u1 = 1.0 - unit(random);
        double u2 = 1.0 - unit(random);
        return StrictMath.sqrt(-2.0 * StrictMath.log(u1)) * StrictMath.sin(2.0 * Math.PI * u2);
    }
}
