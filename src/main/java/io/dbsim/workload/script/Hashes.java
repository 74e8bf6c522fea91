package io.dbsim.workload.script;

/** pgbench's hash_fnv1a and hash_murmur2 (hash is murmur2), on 64-bit values with wrap-around arithmetic. */
final class Hashes {

    private static final long FNV_PRIME = 0x100000001b3L;
    private static final long FNV_OFFSET_BASIS = 0xcbf29ce484222325L;
    private static final long MM2_MUL = 0xc6a4a7935bd1e995L;
    private static final long MM2_MUL_TIMES_8 = 0x35253c9ade8f4ca8L;
    private static final int MM2_ROT = 47;

    private Hashes() {
    }

    static long fnv1a(long value, long seed) {
        long result = FNV_OFFSET_BASIS ^ seed;
        long rest = value;
        for (int i = 0; i < 8; i++) {
            long octet = rest & 0xff;
            rest = rest >> 8;
            result = (result ^ octet) * FNV_PRIME;
        }
        return result;
    }

    static long murmur2(long value, long seed) {
        long result = seed ^ MM2_MUL_TIMES_8;
        long k = value;
        k *= MM2_MUL;
        k ^= k >>> MM2_ROT;
        k *= MM2_MUL;
        result ^= k;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        result *= MM2_MUL;
        result ^= result >>> MM2_ROT;
        return result;
    }
}
