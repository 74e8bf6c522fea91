package io.dbsim.report.live;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;

/** One operation's (or one flow's) intervals added up since the process started: what its counters and histograms show. */
final class OperationTotals {

    final LatencyBuckets total = new LatencyBuckets();
    final LatencyBuckets poolWait = new LatencyBuckets();
    final LatencyBuckets database = new LatencyBuckets();
    final long[] failedByClass = new long[ErrorClass.values().length];
    long retries;

    void add(OperationMetrics.Interval interval) {
        total.add(interval.succeeded());
        poolWait.add(interval.poolWait());
        database.add(interval.database());
        for (int i = 0; i < failedByClass.length; i++) {
            failedByClass[i] += interval.failedByClass()[i];
        }
        retries += interval.retries();
    }

    long succeeded() {
        return total.count();
    }
}
