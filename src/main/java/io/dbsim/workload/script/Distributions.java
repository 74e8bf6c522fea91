package io.dbsim.workload.script;

import java.util.random.RandomGenerator;

/**
 * pgbench's random, random_exponential, random_gaussian and random_zipfian, with their argument
 * checks and messages. StrictMath keeps a seeded run identical on every JVM and CPU.
 */
final class Distributions {

    static final double MIN_GAUSSIAN_PARAM = 2.0;
    static final double MIN_ZIPFIAN_PARAM = 1.001;
    static final double MAX_ZIPFIAN_PARAM = 1000.0;

    private Distributions() {
    }

    static long uniform(RandomGenerator random, long min, long max) {
        checkRange(min, max);
        return min + Uniform.upTo(random, max - min);
    }

    /** getExponentialRand: the density at max is exp(-parameter) times the density at min. */
    static long exponential(RandomGenerator random, long min, long max, double parameter) {
        checkRange(min, max);
        if (!(parameter > 0.0)) {
            throw new EvalError("exponential parameter must be greater than zero (not " + parameter + ")");
        }
        double cut = StrictMath.exp(-parameter);
        double uniform = 1.0 - Uniform.unit(random);
        double rand = -StrictMath.log(cut + (1.0 - cut) * uniform) / parameter;
        return min + (long) ((max - min + 1) * rand);
    }

    /** getGaussianRand: a standard normal truncated at plus and minus parameter, mapped onto [min, max]. */
    static long gaussian(RandomGenerator random, long min, long max, double parameter) {
        checkRange(min, max);
        if (!(parameter >= MIN_GAUSSIAN_PARAM)) {
            throw new EvalError("gaussian parameter must be at least 2.0 (not " + parameter + ")");
        }
        double stdev;
        do {
            stdev = Uniform.normal(random);
        } while (stdev < -parameter || stdev >= parameter);
        double rand = (stdev + parameter) / (parameter * 2.0);
        return min + (long) ((max - min + 1) * rand);
    }

    /** getZipfianRand: Devroye's rejection method (Non-Uniform Random Variate Generation, p. 550-551). */
    static long zipfian(RandomGenerator random, long min, long max, double s) {
        checkRange(min, max);
        if (!(s >= MIN_ZIPFIAN_PARAM && s <= MAX_ZIPFIAN_PARAM)) {
            throw new EvalError("zipfian parameter must be in range [1.001, 1000] (not " + s + ")");
        }
        return min - 1 + iterativeZipfian(random, max - min + 1, s);
    }

    private static long iterativeZipfian(RandomGenerator random, long n, double s) {
        if (n <= 1) {
            return 1;
        }
        double b = StrictMath.pow(2.0, s - 1.0);
        while (true) {
            double u = Uniform.unit(random);
            double v = Uniform.unit(random);
            double x = StrictMath.floor(StrictMath.pow(u, -1.0 / (s - 1.0)));
            double t = StrictMath.pow(1.0 + 1.0 / x, s - 1.0);
            if (v * x * (t - 1.0) / (b - 1.0) <= t / b && x <= n) {
                return (long) x;
            }
        }
    }

    private static void checkRange(long min, long max) {
        if (min > max) {
            throw new EvalError("empty range given to random");
        }
        long delta = max - min;
        if (((max ^ min) & (max ^ delta)) < 0 || delta == Long.MAX_VALUE) {
            throw new EvalError("random range is too large");
        }
    }
}
