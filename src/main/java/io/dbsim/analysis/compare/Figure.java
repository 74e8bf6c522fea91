package io.dbsim.analysis.compare;

/**
 * One figure of one run (a p95, a throughput) with the values it takes in consecutive batches of the
 * run's measured intervals: their spread is the run's own noise on that figure (batch means).
 */
public record Figure(double value, double[] batches) {

    /** The standard error of the figure relative to its size; NaN when fewer than two batches had data. */
    public double relativeStandardError() {
        int k = batches.length;
        if (k < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double b : batches) {
            mean += b;
        }
        mean /= k;
        if (mean <= 0) {
            return Double.NaN;
        }
        double ss = 0;
        for (double b : batches) {
            ss += (b - mean) * (b - mean);
        }
        return Math.sqrt(ss / (k - 1)) / mean / Math.sqrt(k);
    }
}
