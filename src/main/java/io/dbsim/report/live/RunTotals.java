package io.dbsim.report.live;

import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.SampledInterval;
import io.dbsim.engine.TimePoint;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every sampled interval of every run of this process added up, and the latest time-series point: what the
 * series show. One writer at a time (the running simulation's sampler); read by the same writer when it publishes.
 */
final class RunTotals {

    final Map<String, OperationTotals> operations = new LinkedHashMap<>();
    final Map<String, OperationTotals> flows = new LinkedHashMap<>();
    final LatencyBuckets wakeUpLateness = new LatencyBuckets();
    final DatabaseTotals database = new DatabaseTotals();
    long droppedArrivals;
    /** null until the first sample. */
    TimePoint latest;

    void add(SampledInterval interval) {
        addEach(operations, interval.operations());
        addEach(flows, interval.flows());
        wakeUpLateness.add(interval.wakeUpLateness());
        droppedArrivals += interval.droppedArrivals();
    }

    void add(TimePoint point) {
        latest = point;
        database.add(point.database());
    }

    private static void addEach(Map<String, OperationTotals> totals, Map<String, OperationMetrics.Interval> intervals) {
        intervals.forEach((name, interval) -> totals.computeIfAbsent(name, n -> new OperationTotals()).add(interval));
    }
}
