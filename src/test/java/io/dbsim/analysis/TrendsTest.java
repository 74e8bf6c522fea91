package io.dbsim.analysis;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.Fairness;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.observe.StatementTick;
import io.dbsim.report.ConsoleReport;
import io.dbsim.settings.RunSettings;
import io.dbsim.support.TestSettings;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendsTest {

    /** A 10-minute run sampled every second, with noise, whose live heap follows {@code heap}. */
    private static RunResult run(IntToDoubleFunction heap, int backends) {
        Random noise = new Random(7);
        List<TimePoint> series = new ArrayList<>();
        for (int t = 1; t <= 600; t++) {
            DatabasePoint db = new DatabasePoint(backends, 2, 0, 0, Map.of(), 100, 0, 99.9, 0, 0, Map.of(), null);
            series.add(new TimePoint(t, 100, 0, 100, 2, 5 + noise.nextGaussian() * 0.3, 8, 20, 2, 18, 0,
                    new HostLoad.Point(20, 40, 200, heap.applyAsDouble(t) + noise.nextGaussian()), db, List.of(), 0));
        }
        return result(series);
    }

    /**
     * A 10-minute run of 100 operations a second whose mean latency is the sum of the server's execution time per
     * operation, the pool wait and the simulator's own time, each following its function of the second, with noise;
     * p95 is twice the mean.
     */
    private static RunResult drifting(IntToDoubleFunction databaseMs, IntToDoubleFunction poolWaitMs, IntToDoubleFunction simulatorMs) {
        Random noise = new Random(11);
        List<TimePoint> series = new ArrayList<>();
        for (int t = 1; t <= 600; t++) {
            double database = databaseMs.applyAsDouble(t) * (1 + 0.05 * noise.nextGaussian());
            double pool = poolWaitMs.applyAsDouble(t);
            double mean = database + pool + simulatorMs.applyAsDouble(t) * (1 + 0.05 * noise.nextGaussian());
            // Two statements per operation, split unevenly, as pg_stat_statements gives them per query id.
            Map<Long, StatementTick> statements = Map.of(1L, new StatementTick(100, 70 * database), 2L, new StatementTick(100, 30 * database));
            DatabasePoint db = new DatabasePoint(20, 2, 0, 0, Map.of(), 100, 0, 99.9, 0, 0, statements, null);
            OperationTick tick = new OperationTick("read", 100, 0, mean, mean, 2 * mean, 3 * mean, pool, new long[ErrorClass.values().length],
                    new long[ErrorClass.values().length]);
            series.add(new TimePoint(t, 100, 0, 100, mean, 2 * mean, 3 * mean, 20, 2, 18, 0,
                    new HostLoad.Point(20, 40, 200, 100 + noise.nextGaussian()), db, List.of(tick), 0));
        }
        return result(series);
    }

    private static RunResult result(List<TimePoint> series) {
        series.add(series.get(series.size() - 1));
        RunSettings config = TestSettings.base().pattern("mixed").users(20).duration(Duration.ofMinutes(10))
                .thinkTime(Duration.ofSeconds(1)).poolSize(20).poolMinIdle(20).build();
        return new RunResult(config, "localhost/test", "17", Map.of(), Instant.now(), Duration.ofMinutes(10), Duration.ofMinutes(10),
                false, List.of(), series, new Histogram(3), new Fairness(0, 0, 0, 0, 1, 0, 0), 0, 20, null, List.of(), List.of(), 0, List.of(), "", null, Map.of());
    }

    @Test
    void aLiveHeapThatKeepsGrowingIsFlaggedAsALeak() {
        Trends t = Trends.of(run(s -> 100 + s * 0.1, 20)).orElseThrow();

        assertThat(t.leakSuspected()).isTrue();
        assertThat(t.heap().perHour()).isCloseTo(360, within(20.0));
        assertThat(t.heap().end() - t.heap().start()).isCloseTo(60, within(3.0));
        assertThat(t.latencyDrift()).isFalse();
    }

    @Test
    void aFlatHeapAndSteadyBackendsAreNoLeak() {
        Trends t = Trends.of(run(s -> 100, 20)).orElseThrow();

        assertThat(t.leakSuspected()).isFalse();
        assertThat(Math.abs(t.heap().growthPct())).isLessThan(2);
    }

    @Test
    void aDriftFromSlowerStatementsIsPutOnTheDatabase() {
        Trends t = Trends.of(drifting(s -> 2 + s * 0.005, s -> 0.1, s -> 0.5)).orElseThrow();

        assertThat(t.latencyDrift()).isTrue();
        assertThat(t.databaseMs().start()).isCloseTo(2, within(0.1));
        assertThat(t.databaseMs().end()).isCloseTo(5, within(0.1));
        Trends.DriftCause cause = t.driftCause().orElseThrow();
        assertThat(cause.meanRiseMs()).isCloseTo(3, within(0.15));
        assertThat(cause.databaseShare()).isCloseTo(1, within(0.06));
        assertThat(cause.dominant()).isEqualTo("database");
    }

    @Test
    void theReportSaysWhereADriftWent() {
        RunReport report = RunReports.of(drifting(s -> 2 + s * 0.005, s -> 0.1, s -> 0.5), List.of(), null);
        StringWriter console = new StringWriter();
        ConsoleReport.print(new PrintWriter(console), report);

        assertThat(report.trends().driftCause().dominant()).isEqualTo("database");
        assertThat(report.trends().databaseMsPerOp().end()).isCloseTo(5, within(0.1));
        assertThat(report.assessment()).anySatisfy(line -> assertThat(line)
                .startsWith("latency drifts up over the run").contains("the database slowed, not the simulator"));
        assertThat(console.toString()).containsPattern("Of the mean's rise \\(\\+3\\.0\\d ms\\), (9\\d|100)% is the database's execution time");
    }

    @Test
    void aDriftOutsideTheDatabaseAndThePoolIsPutOnTheSimulator() {
        Trends t = Trends.of(drifting(s -> 2, s -> 0.1, s -> 0.5 + s * 0.005)).orElseThrow();

        Trends.DriftCause cause = t.driftCause().orElseThrow();
        assertThat(cause.databaseShare()).isLessThan(0.05);
        assertThat(cause.restShare()).isGreaterThan(0.9);
        assertThat(cause.dominant()).isEqualTo("simulator");
    }

    @Test
    void aDriftInThePoolWaitIsPutOnThePool() {
        Trends t = Trends.of(drifting(s -> 2, s -> 0.1 + s * 0.004, s -> 0.5)).orElseThrow();

        Trends.DriftCause cause = t.driftCause().orElseThrow();
        assertThat(cause.poolShare()).isCloseTo(1, within(0.1));
        assertThat(cause.dominant()).isEqualTo("pool");
    }

    @Test
    void aSteadyLatencyHasNoDriftCause() {
        Trends t = Trends.of(drifting(s -> 2, s -> 0.1, s -> 0.5)).orElseThrow();

        assertThat(t.latencyDrift()).isFalse();
        assertThat(t.driftCause()).isEmpty();
    }

    @Test
    void withoutStatementFiguresTheDatabaseLineIsNotMeasured() {
        Trends t = Trends.of(run(s -> 100, 20)).orElseThrow();

        assertThat(t.databaseMs().measured()).isFalse();
    }

    @Test
    void aShortRunHasNoTrends() {
        RunResult full = run(s -> 100, 20);
        RunResult shortRun = new RunResult(full.config(), full.database(), full.serverVersion(), Map.of(), full.startedAt(),
                Duration.ofSeconds(30), Duration.ofSeconds(30), false, List.of(), full.timeSeries().subList(0, 30),
                full.wakeUpLateness(), full.fairness(), 0, 20, null, List.of(), List.of(), 0, List.of(), "", null, Map.of());

        assertThat(Trends.of(shortRun)).isEmpty();
    }
}
