package io.dbsim.analysis.capacity;

/**
 * Gunther's Universal Scalability Law: throughput at concurrency n is
 * {@code λn / (1 + σ(n − 1) + κn(n − 1))}.
 *
 * @param lambda throughput of one connection alone (operations per second)
 * @param sigma  contention: the share of work that queues for something shared
 * @param kappa  coherency: the cost each pair of concurrent connections adds (makes throughput fall past a peak)
 */
public record UslModel(double lambda, double sigma, double kappa) {

    public double throughput(double n) {
        if (n <= 0) {
            return 0;
        }
        return lambda * n / (1 + sigma * (n - 1) + kappa * n * (n - 1));
    }

    /** The concurrency of highest throughput; infinite when κ is zero (throughput only flattens). */
    public double peakConcurrency() {
        return kappa <= 0 ? Double.POSITIVE_INFINITY : Math.sqrt((1 - sigma) / kappa);
    }

    /** The highest throughput, or the asymptote λ/σ when there is no peak. */
    public double peakThroughput() {
        double n = peakConcurrency();
        if (Double.isInfinite(n)) {
            return sigma <= 0 ? Double.POSITIVE_INFINITY : lambda / sigma;
        }
        return throughput(n);
    }
}
