package io.dbsim.engine;

import org.HdrHistogram.Histogram;

import java.util.Map;

/**
 * What one sample interval measured beyond its time-series point, for listeners that add intervals up (live
 * metrics): each operation's and each flow's figures, keyed by name in the run's order, the users' wake-up
 * lateness in microseconds, and the arrivals dropped. The histograms are reused once the listener returns.
 */
public record SampledInterval(Map<String, OperationMetrics.Interval> operations, Map<String, OperationMetrics.Interval> flows,
                              Histogram wakeUpLateness, long droppedArrivals) {
}
