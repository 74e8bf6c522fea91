package io.dbsim.analysis.capacity;

/** How the scalability fit weighs each step's throughput error. */
public enum Weighting {

    /**
     * Ordinary least squares on throughput, as R's usl package, usl4j and Go's usl fit it: the
     * default, so that dbsim's λ, σ and κ are the ones those tools give for the same steps.
     */
    ABSOLUTE,

    /**
     * Least squares on relative errors (weights 1/X²), so that small and large steps weigh alike:
     * the efficient choice when a step's noise is a share of its throughput.
     */
    RELATIVE;

    double weight(double measuredThroughput) {
        return switch (this) {
            case ABSOLUTE -> 1;
            case RELATIVE -> 1.0 / Math.max(1e-24, measuredThroughput * measuredThroughput);
        };
    }
}
