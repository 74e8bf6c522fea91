package io.dbsim.engine;

import org.HdrHistogram.Histogram;

/**
 * One operation over one sample interval: what `dbsim compare` measures a run's own noise with (batch means), and
 * what outages are found in: failures and retries by class, indexed by {@link io.dbsim.db.ErrorClass#ordinal()}.
 */
public record OperationTick(String operation, long succeeded, long failed, double meanMs, double p50Ms, double p95Ms, double p99Ms,
                            double poolWaitMeanMs, long[] failedByClass, long[] retriedByClass) {

    static OperationTick of(String operation, OperationMetrics.Interval interval) {
        Histogram h = interval.succeeded();
        boolean any = h.getTotalCount() > 0;
        return new OperationTick(operation, h.getTotalCount(), interval.failed(), any ? h.getMean() / 1000.0 : 0,
                any ? h.getValueAtPercentile(50) / 1000.0 : 0, any ? h.getValueAtPercentile(95) / 1000.0 : 0,
                any ? h.getValueAtPercentile(99) / 1000.0 : 0, interval.poolWaitMeanMicros() / 1000.0,
                interval.failedByClass(), interval.retriedByClass());
    }
}
