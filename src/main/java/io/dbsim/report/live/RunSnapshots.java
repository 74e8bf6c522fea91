package io.dbsim.report.live;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabasePoint;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot.HistogramDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The totals as Prometheus snapshots, one family per {@link Series}. Operations and flows appear once they have
 * finished at least once; a family without data points is left out, as are the database's gauges when the latest
 * sample has no database figures.
 */
final class RunSnapshots {

    private static final String SUCCESS = "success";

    private final SeriesLabels labels;
    private final MetricSnapshots.Builder out = MetricSnapshots.builder();

    private RunSnapshots(SeriesLabels labels) {
        this.labels = labels;
    }

    static MetricSnapshots of(SeriesLabels labels, RunTotals totals) {
        RunSnapshots s = new RunSnapshots(labels);
        s.operations(totals.operations);
        s.flows(totals.flows);
        s.users(totals);
        s.database(totals.database);
        return s.out.build();
    }

    private void operations(Map<String, OperationTotals> operations) {
        List<CounterDataPointSnapshot> outcomes = new ArrayList<>();
        List<CounterDataPointSnapshot> retries = new ArrayList<>();
        List<HistogramDataPointSnapshot> total = new ArrayList<>();
        List<HistogramDataPointSnapshot> poolWait = new ArrayList<>();
        List<HistogramDataPointSnapshot> database = new ArrayList<>();
        operations.forEach((name, t) -> {
            if (!outcomes(outcomes, "operation", name, t)) {
                return;
            }
            retries.add(counter(t.retries, labels.with("operation", name)));
            histogram(total, t.total, labels.with("operation", name));
            histogram(poolWait, t.poolWait, labels.with("operation", name));
            histogram(database, t.database, labels.with("operation", name));
        });
        counters(Series.OPERATIONS, outcomes);
        counters(Series.RETRIES, retries);
        histograms(Series.DURATION, total);
        histograms(Series.POOL_WAIT, poolWait);
        histograms(Series.DATABASE, database);
    }

    private void flows(Map<String, OperationTotals> flows) {
        List<CounterDataPointSnapshot> outcomes = new ArrayList<>();
        List<HistogramDataPointSnapshot> durations = new ArrayList<>();
        flows.forEach((name, t) -> {
            if (outcomes(outcomes, "flow", name, t)) {
                histogram(durations, t.total, labels.with("flow", name));
            }
        });
        counters(Series.FLOWS, outcomes);
        histograms(Series.FLOW_DURATION, durations);
    }

    /** Adds the success count and each failure class seen; false when nothing has finished yet. */
    private boolean outcomes(List<CounterDataPointSnapshot> points, String kind, String name, OperationTotals t) {
        List<CounterDataPointSnapshot> failures = new ArrayList<>();
        for (ErrorClass error : ErrorClass.values()) {
            long n = t.failedByClass[error.ordinal()];
            if (n > 0) {
                failures.add(counter(n, labels.with(kind, name, "outcome", error.label())));
            }
        }
        if (t.succeeded() == 0 && failures.isEmpty()) {
            return false;
        }
        points.add(counter(t.succeeded(), labels.with(kind, name, "outcome", SUCCESS)));
        points.addAll(failures);
        return true;
    }

    private void users(RunTotals totals) {
        counters(Series.DROPPED, List.of(counter(totals.droppedArrivals, labels.with())));
        List<HistogramDataPointSnapshot> lateness = new ArrayList<>();
        histogram(lateness, totals.wakeUpLateness, labels.with());
        histograms(Series.LATENESS, lateness);
        TimePoint p = totals.latest;
        if (p == null) {
            return;
        }
        gauges(Series.VUS, List.of(gauge(p.users(), labels.with())));
        gauges(Series.POOL_CONNECTIONS, List.of(gauge(p.poolBusy(), labels.with("state", "active")),
                gauge(p.poolIdle(), labels.with("state", "idle"))));
        gauges(Series.POOL_WAITING, List.of(gauge(p.poolWaiting(), labels.with())));
    }

    private void database(DatabaseTotals db) {
        if (!db.observed) {
            return;
        }
        counters(Series.COMMITS, List.of(counter(db.commits, labels.with())));
        counters(Series.ROLLBACKS, List.of(counter(db.rollbacks, labels.with())));
        counters(Series.BLOCKS_HIT, List.of(counter(db.blocksHit, labels.with())));
        counters(Series.BLOCKS_READ, List.of(counter(db.blocksRead, labels.with())));
        counters(Series.DEADLOCKS, List.of(counter(db.deadlocks, labels.with())));
        counters(Series.TEMP_BYTES, List.of(counter(db.tempBytes, labels.with())));
        DatabasePoint p = db.latest;
        if (p == null) {
            return;
        }
        if (!Double.isNaN(p.cacheHitPct())) {
            gauges(Series.CACHE_HIT, List.of(gauge(p.cacheHitPct() / 100, labels.with())));
        }
        gauges(Series.BACKENDS, List.of(gauge(p.active(), labels.with("state", "active")),
                gauge(p.idleInTransaction(), labels.with("state", "idle_in_transaction")),
                gauge(Math.max(0, p.backends() - p.active() - p.idleInTransaction()), labels.with("state", "idle"))));
        Map<String, Integer> byClass = new TreeMap<>();
        p.waitEvents().forEach((event, n) -> byClass.merge(event.split(":", 2)[0], n, Integer::sum));
        List<GaugeDataPointSnapshot> busy = new ArrayList<>();
        byClass.forEach((type, n) -> busy.add(gauge(n, labels.with("wait_event_type", type))));
        gauges(Series.BUSY_BACKENDS, busy);
        gauges(Series.LOCK_WAITS, List.of(gauge(p.locksNotGranted(), labels.with())));
    }

    private static CounterDataPointSnapshot counter(long value, Labels labels) {
        return CounterDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static GaugeDataPointSnapshot gauge(double value, Labels labels) {
        return GaugeDataPointSnapshot.builder().value(value).labels(labels).build();
    }

    private static void histogram(List<HistogramDataPointSnapshot> points, LatencyBuckets b, Labels labels) {
        points.add(HistogramDataPointSnapshot.builder().classicHistogramBuckets(b.buckets()).sum(b.sumSeconds()).labels(labels)
                .build());
    }

    private void counters(Series s, List<CounterDataPointSnapshot> points) {
        if (!points.isEmpty()) {
            CounterSnapshot.Builder b = CounterSnapshot.builder().name(s.name).help(s.help).unit(s.unit);
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        }
    }

    private void gauges(Series s, List<GaugeDataPointSnapshot> points) {
        if (!points.isEmpty()) {
            GaugeSnapshot.Builder b = GaugeSnapshot.builder().name(s.name).help(s.help).unit(s.unit);
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        }
    }

    private void histograms(Series s, List<HistogramDataPointSnapshot> points) {
        if (!points.isEmpty()) {
            HistogramSnapshot.Builder b = HistogramSnapshot.builder().name(s.name).help(s.help).unit(s.unit);
            points.forEach(b::dataPoint);
            out.metricSnapshot(b.build());
        }
    }
}
