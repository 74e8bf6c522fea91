package io.dbsim.workload.script;

/** pgbench's permute(): six rounds of seeded bijections on [0, size), exactly as pgbench computes them. */
final class Permutation {

    private Permutation() {
    }

    static long permute(long value, long size, long seed) {
        if (size <= 0) {
            throw new EvalError("permute size parameter must be greater than zero");
        }
        if (size < 2) {
            return 0;
        }
        PgPrng random = PgPrng.seeded(seed);
        long v = Long.remainderUnsigned(value, size);
        int maskLength = 63 - Long.numberOfLeadingZeros(size);
        long mask = (1L << maskLength) - 1;
        for (int round = 0; round < 6; round++) {
            long m = (random.nextLong() & mask) | 1;
            long r = random.nextLong() & mask;
            if (v <= mask) {
                v = ((v * m) ^ r) & mask;
                v = ((v << 1) & mask) | (v >>> (maskLength - 1));
            }
            m = (random.nextLong() & mask) | 1;
            r = random.nextLong() & mask;
            long t = size - 1 - v;
            if (t <= mask) {
                t = ((t * m) ^ r) & mask;
                t = ((t << 1) & mask) | (t >>> (maskLength - 1));
                v = size - 1 - t;
            }
            r = Uniform.upTo(random, size - 1);
            v = Long.remainderUnsigned(v + r, size);
        }
        return v;
    }
}
