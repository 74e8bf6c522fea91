package io.dbsim.workload.script;

import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * pgbench's random functions over a range, for values drawn outside a script (a workload file's parameters):
 * random, random_exponential, random_gaussian and random_zipfian, with pgbench's argument rules; driven by a
 * {@link PgPrng}, they draw exactly what pgbench draws from the same stream.
 */
public enum RandomFunction {
    UNIFORM, EXPONENTIAL, GAUSSIAN, ZIPFIAN;

    /** The function named as a workload file names it (uniform, exponential, gaussian, zipfian), or null. */
    public static RandomFunction named(String name) {
        for (RandomFunction f : values()) {
            if (f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    /** Whether the function takes a parameter besides its range. */
    public boolean takesParameter() {
        return this != UNIFORM;
    }

    /** What is wrong with these arguments, in pgbench's words, or null when they are fine. */
    public String problem(long min, long max, double parameter) {
        try {
            draw(PgPrng.seeded(0), min, max, parameter);
            return null;
        } catch (EvalError e) {
            return e.getMessage();
        }
    }

    public long draw(RandomGenerator random, long min, long max, double parameter) {
        return switch (this) {
            case UNIFORM -> Distributions.uniform(random, min, max);
            case EXPONENTIAL -> Distributions.exponential(random, min, max, parameter);
            case GAUSSIAN -> Distributions.gaussian(random, min, max, parameter);
            case ZIPFIAN -> Distributions.zipfian(random, min, max, parameter);
        };
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
