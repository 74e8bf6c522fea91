package io.dbsim.engine;

import io.dbsim.observe.Observation;
import io.dbsim.settings.RunSettings;
import io.dbsim.workload.CommandLatencies;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one run measured, frozen for the reports.
 *
 * @param failureSpells closed model: which users' operations failed, and when; null in the open model (every arrival
 *                      is its own user) or when more spells happened than were kept
 * @param skippedArrivals  open model with a latency limit: arrivals skipped as already too late to start (pgbench -R -L)
 * @param commands         each command's latencies, when the run timed them (pgbench -r); else empty
 * @param connectionSource where the connection settings came from (flags, DBSIM_* or PG* variables, ~/.pgpass), never
 *                         the password; empty for a server dbsim started itself
 * @param firstErrors      the first message of each error class met, by class label ({@link FirstErrors})
 */
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
        List<FailureSpell> failureSpells,
        long skippedArrivals,
        List<CommandLatencies.Stat> commands,
        String connectionSource,
        ThreadChoice threads,
        Map<String, String> firstErrors) {

    public RunResult {
        firstErrors = firstErrors == null ? Map.of() : Map.copyOf(firstErrors);
    }

    public double peakHeapMb() {
        return timeSeries.stream().mapToDouble(TimePoint::heapUsedMb).max().orElse(0);
    }
}
