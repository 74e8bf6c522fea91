package io.dbsim.report;

import io.dbsim.metrics.ErrorClass;
import io.dbsim.metrics.OperationMetrics;
import io.dbsim.workload.RunResult;
import org.HdrHistogram.Histogram;

import java.util.List;

/** Whole-run figures derived once from the per-operation histograms, for every report format. */
public record RunSummary(long operations, long succeeded, long failed, long retries, double throughput,
                         Histogram total, Histogram poolWait, Histogram database, long[] failuresByClass) {

    private static final long HIGHEST = 3_600_000_000L;

    public static RunSummary of(RunResult run) {
        Histogram total = new Histogram(HIGHEST, 3);
        Histogram wait = new Histogram(HIGHEST, 3);
        Histogram db = new Histogram(HIGHEST, 3);
        long[] byClass = new long[ErrorClass.values().length];
        long failed = 0;
        long retries = 0;
        List<OperationMetrics.Summary> ops = run.operations();
        for (OperationMetrics.Summary s : ops) {
            total.add(s.total());
            wait.add(s.poolWait());
            db.add(s.database());
            for (int i = 0; i < byClass.length; i++) {
                byClass[i] += s.failuresByClass()[i];
            }
            failed += s.failed();
            retries += s.retries();
        }
        long succeeded = total.getTotalCount();
        double seconds = Math.max(1e-9, run.measured().toNanos() / 1e9);
        return new RunSummary(succeeded + failed, succeeded, failed, retries, (succeeded + failed) / seconds,
                total, wait, db, byClass);
    }

    public double successRate() {
        return operations == 0 ? 0 : 100.0 * succeeded / operations;
    }

    public double errorRate() {
        return operations == 0 ? 0 : 100.0 * failed / operations;
    }

    /** Share of the average response time spent waiting for a connection. */
    public double poolWaitShare() {
        double mean = total.getMean();
        return mean == 0 ? 0 : 100.0 * poolWait.getMean() / mean;
    }

    public static double ms(Histogram h, double percentile) {
        return h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }

    public static double meanMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMean() / 1000.0;
    }

    public static double maxMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMaxValue() / 1000.0;
    }

    public static double minMs(Histogram h) {
        return h.getTotalCount() == 0 ? 0 : h.getMinValue() / 1000.0;
    }
}
