package io.dbsim.report.live;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.SampledInterval;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.support.Exposition;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RunSeriesTest {

    private static final SeriesLabels LABELS = new SeriesLabels("mixed", SeriesLabels.WHOLE_RUN);

    private static Histogram micros(long... values) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    private static OperationMetrics.Interval interval(long[] succeededMicros, Map<ErrorClass, Long> failures, long retries) {
        long[] byClass = new long[ErrorClass.values().length];
        failures.forEach((e, n) -> byClass[e.ordinal()] = n);
        long failed = failures.values().stream().mapToLong(Long::longValue).sum();
        long[] retried = new long[ErrorClass.values().length];
        retried[ErrorClass.DEADLOCK.ordinal()] = retries;
        return new OperationMetrics.Interval(micros(succeededMicros), micros(succeededMicros), micros(succeededMicros), failed,
                byClass, retried);
    }

    private static SampledInterval sampled(Map<String, OperationMetrics.Interval> operations, long dropped) {
        return new SampledInterval(operations, Map.of(), micros(), dropped);
    }

    private static TimePoint point(int users, int busy, DatabasePoint database) {
        return new TimePoint(1, 0, 0, 0, 0, 0, 0, users, busy, 4 - busy, 3, new HostLoad.Point(0, 0, 0, 0), database, List.of(), 0);
    }

    private static DatabasePoint database(long commits, long hits, long reads, Map<String, Integer> waits) {
        return new DatabasePoint(6, 4, 1, 2, waits, 0, 0, 100.0 * hits / (hits + reads), 0, 0, Map.of(),
                new DatabaseCounters(commits, 1, reads, hits, 0, 0, 0, 0));
    }

    private static Exposition exposition(RunSeries series) {
        return Exposition.parse(PrometheusTextFormatWriter.create().toDebugString(series.collect()));
    }

    @Test
    void countsAddUpOverIntervalsAndRunsByOperationAndOutcome() {
        RunSeries series = new RunSeries(LABELS);
        Map<String, OperationMetrics.Interval> first = new LinkedHashMap<>();
        first.put("search_members", interval(new long[] {800, 1_200, 30_000}, Map.of(ErrorClass.DEADLOCK, 2L), 3));
        first.put("update_member", interval(new long[0], Map.of(), 0));
        series.measured(sampled(first, 4));
        series.sampled(point(10, 3, null));
        series.measured(sampled(Map.of("search_members", interval(new long[] {900, 2_000_000},
                Map.of(ErrorClass.POOL_TIMEOUT, 1L), 1)), 1));
        series.sampled(point(8, 2, null));

        Exposition e = exposition(series);
        assertThat(e.byLabel("dbsim_operations_total", "outcome", l -> l.get("operation").equals("search_members")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("success", 5.0, "deadlock", 2.0, "pool_timeout", 1.0));
        assertThat(e.byLabel("dbsim_operations_total", "operation", l -> true)).doesNotContainKey("update_member");
        assertThat(e.byLabel("dbsim_operation_retries_total", "operation", l -> true)).containsEntry("search_members", 4.0);
        assertThat(e.buckets("dbsim_operation_duration_seconds", l -> true)).containsEntry(0.0005, 0.0).containsEntry(0.001, 2.0)
                .containsEntry(0.0025, 3.0).containsEntry(0.05, 4.0).containsEntry(Double.POSITIVE_INFINITY, 5.0);
        assertThat(e.byLabel("dbsim_operation_duration_seconds_count", "operation", l -> true)).containsEntry("search_members", 5.0);
        assertThat(e.byLabel("dbsim_dropped_iterations_total", "segment", l -> true)).containsEntry("0/1", 5.0);
        assertThat(e.named("dbsim_operations_total")).allSatisfy(s -> assertThat(s.labels())
                .containsEntry("pattern", "mixed").containsEntry("segment", "0/1"));
    }

    @Test
    void gaugesShowTheLatestSampleAndTheDatabasesDisappearWhenItWasNotRead() {
        RunSeries series = new RunSeries(LABELS);
        series.measured(sampled(Map.of(), 0));
        series.sampled(point(10, 3, database(50, 990, 10, Map.of("CPU", 2, "Lock:transactionid", 1, "Lock:tuple", 1))));
        series.measured(sampled(Map.of(), 0));
        series.sampled(point(7, 1, database(25, 500, 0, Map.of("IO:DataFileRead", 1))));

        Exposition e = exposition(series);
        assertThat(e.byLabel("dbsim_vus", "segment", l -> true)).containsEntry("0/1", 7.0);
        assertThat(e.byLabel("dbsim_pool_connections", "state", l -> true)).containsEntry("active", 1.0).containsEntry("idle", 3.0);
        assertThat(e.byLabel("dbsim_pool_waiting_users", "segment", l -> true)).containsEntry("0/1", 3.0);
        assertThat(e.byLabel("dbsim_database_commits_total", "segment", l -> true)).containsEntry("0/1", 75.0);
        assertThat(e.byLabel("dbsim_database_blocks_read_total", "segment", l -> true)).containsEntry("0/1", 10.0);
        assertThat(e.byLabel("dbsim_database_cache_hit_ratio", "segment", l -> true)).containsEntry("0/1", 1.0);
        assertThat(e.byLabel("dbsim_database_busy_backends", "wait_event_type", l -> true))
                .containsExactlyInAnyOrderEntriesOf(Map.of("IO", 1.0));
        assertThat(e.byLabel("dbsim_database_backends", "state", l -> true))
                .containsExactlyInAnyOrderEntriesOf(Map.of("active", 4.0, "idle_in_transaction", 1.0, "idle", 1.0));

        series.measured(sampled(Map.of(), 0));
        series.sampled(point(0, 0, null));
        Exposition after = exposition(series);
        assertThat(after.names()).contains("dbsim_database_commits_total").doesNotContain("dbsim_database_busy_backends",
                "dbsim_database_cache_hit_ratio", "dbsim_database_backends");
        assertThat(after.byLabel("dbsim_database_commits_total", "segment", l -> true)).containsEntry("0/1", 75.0);
    }

    @Test
    void waitingForAScrapeEndsOnceOneTookTheLatestValues() throws InterruptedException {
        RunSeries series = new RunSeries(LABELS);
        assertThat(series.everScraped()).isFalse();
        series.collect();
        series.measured(sampled(Map.of(), 0));
        series.sampled(point(1, 1, null));

        assertThat(series.everScraped()).isTrue();
        assertThat(series.awaitScrapeOfLatest(Duration.ofMillis(100))).isFalse();
        series.collect();
        assertThat(series.awaitScrapeOfLatest(Duration.ofMillis(100))).isTrue();
    }
}
