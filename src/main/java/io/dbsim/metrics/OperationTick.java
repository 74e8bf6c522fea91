package io.dbsim.metrics;

import org.HdrHistogram.Histogram;

/**
 * One operation over one sample interval: what `dbsim compare` measures a run's own variability
 * with (batch means over these), and what per-operation charts over time are drawn from.
 */
public record OperationTick(long succeeded, long failed, double meanMs, double p50Ms, double p95Ms, double p99Ms,
                            double poolWaitMeanMs) {

    static OperationTick of(OperationMetrics.Interval interval) {
        Histogram h = interval.succeeded();
        boolean any = h.getTotalCount() > 0;
        return new OperationTick(h.getTotalCount(), interval.failed(), any ? h.getMean() / 1000.0 : 0,
                any ? h.getValueAtPercentile(50) / 1000.0 : 0, any ? h.getValueAtPercentile(95) / 1000.0 : 0,
                any ? h.getValueAtPercentile(99) / 1000.0 : 0, interval.poolWaitMeanMicros() / 1000.0);
    }
}
