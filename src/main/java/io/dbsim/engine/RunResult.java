package io.dbsim.engine;

import io.dbsim.observe.Observation;
import io.dbsim.settings.RunSettings;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** What one run measured, frozen for the reports. */
public record RunResult(
        RunSettings config,
        String database,
        String serverVersion,
        Map<String, Integer> usersByPattern,
        Instant startedAt,
        Duration elapsed,
        Duration measured,
        boolean interrupted,
        List<OperationMetrics.Summary> operations,
        List<TimePoint> timeSeries,
        Histogram wakeUpLateness,
        Fairness fairness,
        long droppedArrivals,
        int poolSize,
        Observation observation,
        List<FlowResult> flows,
        ThreadChoice threads) {

    public double peakHeapMb() {
        return timeSeries.stream().mapToDouble(TimePoint::heapUsedMb).max().orElse(0);
    }
}
