package io.dbsim.analysis;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.observe.Micros;
import org.HdrHistogram.Histogram;

import java.util.List;

/** Whole-run figures derived once from the per-operation histograms, for every report format; by class, as ErrorClass orders them. */
public record RunSummary(long operations, long succeeded, long failed, long retries, double throughput,
                         Histogram total, Histogram poolWait, Histogram database, long[] failuresByClass, long[] retriesByClass) {

    public static RunSummary of(RunResult run) {
        Histogram total = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        Histogram wait = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        Histogram db = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        long[] byClass = new long[ErrorClass.values().length];
        long[] retriedByClass = new long[ErrorClass.values().length];
        long failed = 0;
        long retries = 0;
        List<OperationMetrics.Summary> ops = run.operations();
        for (OperationMetrics.Summary s : ops) {
            total.add(s.total());
            wait.add(s.poolWait());
            db.add(s.database());
            for (int i = 0; i < byClass.length; i++) {
                byClass[i] += s.failuresByClass()[i];
                retriedByClass[i] += s.retriesByClass()[i];
            }
            failed += s.failed();
            retries += s.retries();
        }
        long succeeded = total.getTotalCount();
        double seconds = Math.max(1e-9, run.measured().toNanos() / 1e9);
        return new RunSummary(succeeded + failed, succeeded, failed, retries, (succeeded + failed) / seconds,
                total, wait, db, byClass, retriedByClass);
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
