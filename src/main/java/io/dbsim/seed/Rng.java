package io.dbsim.seed;

import java.util.SplittableRandom;

/**
 * Randomness that depends only on (seed, stream, unit): the same member gets the same values
 * whichever thread generates it and in whatever order, which is what makes a parallel seed
 * reproducible row for row.
 */
final class Rng {

    private Rng() {
    }

    static SplittableRandom of(long seed, long stream, long unit) {
        return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * stream) + unit));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Index into cumulative weights (last entry is the total). */
    static int weighted(SplittableRandom r, double[] cumulative) {
        double x = r.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static double[] cumulative(double... weights) {
        double[] c = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            c[i] = sum;
        }
        return c;
    }

    /** An index in [0, n) where low indexes are much more common, as surnames and cities are in real data. */
    static int skewed(SplittableRandom r, int n) {
        double u = r.nextDouble();
        return (int) (n * u * u * u);
    }

    /** Geometric count with the given mean: many zeros and ones, a long tail. */
    static int geometric(SplittableRandom r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double p = 1.0 / (1.0 + mean);
        return (int) Math.floor(Math.log(1.0 - r.nextDouble()) / Math.log(1.0 - p));
    }
}
