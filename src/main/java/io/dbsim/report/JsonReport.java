package io.dbsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.analysis.Assessment;
import io.dbsim.analysis.Bottlenecks;
import io.dbsim.analysis.Finding;
import io.dbsim.analysis.RunSummary;
import io.dbsim.analysis.SpikeRecovery;
import io.dbsim.analysis.Trends;
import io.dbsim.analysis.Verdict;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.settings.RunConfig;
import org.HdrHistogram.Histogram;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The machine-readable run report; its format is documented in reports/README.md. */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    private static Map<String, Object> toMap(RunResult run) {
        RunSummary s = RunSummary.of(run);
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("tool", "dbsim");
        root.put("started_at", run.startedAt().toString());
        root.put("elapsed_s", round(run.elapsed().toMillis() / 1000.0));
        root.put("measured_s", round(run.measured().toMillis() / 1000.0));
        root.put("interrupted", run.interrupted());
        root.put("config", config(run.config()));
        root.put("database", ObservationJson.database(run));
        root.put("users_by_pattern", run.usersByPattern());

        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("operations", s.operations());
        summary.put("succeeded", s.succeeded());
        summary.put("failed", s.failed());
        summary.put("retries", s.retries());
        summary.put("success_rate_pct", round(s.successRate()));
        summary.put("error_rate_pct", round(s.errorRate()));
        summary.put("throughput_ops_per_sec", round(s.throughput()));
        summary.put("latency_ms", latency(s.total()));
        summary.put("pool_wait_ms", latency(s.poolWait()));
        summary.put("database_ms", latency(s.database()));
        summary.put("pool_wait_share_pct", round(s.poolWaitShare()));
        summary.put("errors", errors(s.failuresByClass()));
        summary.put("latency_distribution_ms", distribution(s.total()));
        root.put("summary", summary);

        List<Map<String, Object>> operations = new ArrayList<>();
        for (OperationMetrics.Summary op : run.operations()) {
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("name", op.name());
            o.put("count", op.count());
            o.put("succeeded", op.succeeded());
            o.put("failed", op.failed());
            o.put("retries", op.retries());
            o.put("share_pct", round(100.0 * op.count() / Math.max(1, s.operations())));
            o.put("latency_ms", latency(op.total()));
            o.put("pool_wait_ms", latency(op.poolWait()));
            o.put("database_ms", latency(op.database()));
            o.put("failed_latency_ms", latency(op.failedLatency()));
            o.put("errors", errors(op.failuresByClass()));
            o.put("intervals", intervals(run.timeSeries(), op.name()));
            operations.add(o);
        }
        root.put("operations", operations);
        List<Map<String, Object>> flows = new ArrayList<>();
        run.flows().forEach(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", f.name());
            m.put("steps", f.steps());
            m.put("journeys", f.journeys().count());
            m.put("succeeded", f.journeys().succeeded());
            m.put("failed", f.journeys().failed());
            m.put("latency_ms", latency(f.journeys().total()));
            m.put("pool_wait_ms", latency(f.journeys().poolWait()));
            m.put("errors", errors(f.journeys().failuresByClass()));
            flows.add(m);
        });
        root.put("flows", flows);

        var f = run.fairness();
        Map<String, Object> fairness = new LinkedHashMap<>();
        fairness.put("users", f.users());
        fairness.put("ops_per_user_min", f.minOps());
        fairness.put("ops_per_user_median", f.medianOps());
        fairness.put("ops_per_user_max", f.maxOps());
        fairness.put("jain_index", round(f.jainIndex()));
        fairness.put("starved_users", f.starvedUsers());
        fairness.put("longest_pool_wait_ms", round(f.worstWaitMs()));
        Map<String, Object> pool = ObservationJson.pool(run);
        pool.put("fairness", fairness);
        root.put("pool", pool);
        root.put("simulator", Map.of(
                "wake_up_lateness_ms", latency(run.wakeUpLateness()),
                "heap_used_peak_mb", round(run.peakHeapMb()),
                "heap_max_mb", round(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0))));
        root.put("dropped_arrivals", run.droppedArrivals());

        List<Map<String, Object>> series = new ArrayList<>();
        for (TimePoint p : run.timeSeries()) {
            Map<String, Object> point = point(p);
            point.put("db", ObservationJson.point(p.database()));
            series.add(point);
        }
        root.put("timeseries", series);
        root.put("statements", ObservationJson.statements(run));
        List<Finding> findings = Bottlenecks.of(run);
        root.put("bottlenecks", ObservationJson.findings(findings));
        root.put("notes", run.observation() == null ? List.of() : run.observation().notes());
        Optional<SpikeRecovery> spike = SpikeRecovery.of(run);
        Optional<Trends> trends = Trends.of(run);
        root.put("spike", spike.map(JsonReport::spike).orElse(null));
        root.put("trends", trends.map(JsonReport::trends).orElse(null));
        root.put("assessment", Assessment.of(run, s, findings, spike, trends));
        return root;
    }

    /** Writes a {@link #document} whole or not at all. */
    public static void write(JsonNode document, Path file) {
        JsonFiles.write(document, file, "JSON report");
    }

    /**
     * The whole report as one document, built once per run: what --json writes, what the HTML and
     * Markdown reports are drawn from and what compare reads. {@code verdict} adds the thresholds and
     * the verdict, {@code estimate} the single-run capacity estimate (either may be null).
     */
    public static JsonNode document(RunResult run, Verdict verdict, CapacityPlan estimate) {
        Map<String, Object> root = toMap(run);
        if (verdict != null) {
            root.put("thresholds", thresholds(verdict));
            root.put("verdict", verdict.go() ? "GO" : "NO-GO");
        }
        if (estimate != null) {
            root.put("capacity", CapacityJson.toMap(estimate));
        }
        return JsonFiles.JSON.valueToTree(root);
    }

    private static List<Map<String, Object>> thresholds(Verdict verdict) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Verdict.Result r : verdict.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("threshold", r.threshold().expression());
            m.put("operation", r.threshold().operation());
            m.put("metric", r.threshold().part() == null || r.threshold().part().equals("total")
                    ? r.threshold().stat() : r.threshold().part() + "." + r.threshold().stat());
            m.put("comparator", r.threshold().comparator());
            m.put("limit", r.threshold().limit());
            m.put("measured", r.measuredAtAll() ? round(r.measured()) : null);
            m.put("unit", r.threshold().unit());
            m.put("passed", r.passed());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> config(RunConfig c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("pattern", c.patternName());
        m.put("model", c.openModel() ? "open" : "closed");
        m.put("users", c.users());
        m.put("ops_per_user", c.opsPerUser());
        m.put("duration_s", c.plannedDuration() == null ? null : c.plannedDuration().toMillis() / 1000.0);
        m.put("think_time_ms", c.thinkTime().toMillis());
        m.put("ramp_up_s", c.rampUp().toMillis() / 1000.0);
        m.put("warm_up_s", c.warmUp().toMillis() / 1000.0);
        m.put("stages", c.stages().stream().map(st -> Map.of("duration_s", st.duration().toMillis() / 1000.0, "target", st.target())).toList());
        m.put("rate_per_sec", c.ratePerSecond());
        m.put("max_users", c.maxUsers());
        m.put("max_tries", c.maxTries());
        m.put("seed", c.seed());
        m.put("pool_size", c.poolSize());
        m.put("pool_min_idle", c.poolMinIdle());
        m.put("connection_timeout_ms", c.connectionTimeout().toMillis());
        m.put("pool_properties", c.poolProperties());
        m.put("pool_queue", c.poolQueue().name().toLowerCase());
        m.put("statement_timeout_ms", c.statementTimeout() == null ? null : c.statementTimeout().toMillis());
        return m;
    }

    static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("mean", round(RunSummary.meanMs(h)));
        m.put("p50", round(RunSummary.ms(h, 50)));
        m.put("p90", round(RunSummary.ms(h, 90)));
        m.put("p95", round(RunSummary.ms(h, 95)));
        m.put("p99", round(RunSummary.ms(h, 99)));
        m.put("min", round(RunSummary.minMs(h)));
        m.put("max", round(RunSummary.maxMs(h)));
        return m;
    }

    /** The operation's figures per time-series point, as columns aligned with `timeseries`; null for flows. */
    private static Map<String, Object> intervals(List<TimePoint> series, String name) {
        int operation = series.isEmpty() ? -1 : series.get(0).operationTicks().stream().map(OperationTick::operation).toList().indexOf(name);
        if (operation < 0) {
            return null;
        }
        int n = series.size();
        long[] ok = new long[n];
        long[] failed = new long[n];
        double[] mean = new double[n];
        double[] p50 = new double[n];
        double[] p95 = new double[n];
        double[] p99 = new double[n];
        double[] wait = new double[n];
        for (int t = 0; t < n; t++) {
            OperationTick tick = series.get(t).operationTicks().get(operation);
            ok[t] = tick.succeeded();
            failed[t] = tick.failed();
            mean[t] = round(tick.meanMs());
            p50[t] = round(tick.p50Ms());
            p95[t] = round(tick.p95Ms());
            p99[t] = round(tick.p99Ms());
            wait[t] = round(tick.poolWaitMeanMs());
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("succeeded", ok);
        m.put("failed", failed);
        m.put("mean_ms", mean);
        m.put("p50_ms", p50);
        m.put("p95_ms", p95);
        m.put("p99_ms", p99);
        m.put("pool_wait_mean_ms", wait);
        return m;
    }

    private static final double[] DISTRIBUTION = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

    /** Response time at percentiles that open up towards the tail, as HdrHistogram's percentile plots do. */
    private static List<Map<String, Object>> distribution(Histogram h) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (h.getTotalCount() == 0) {
            return out;
        }
        for (double p : DISTRIBUTION) {
            out.add(Map.of("percentile", p, "ms", round(p == 0 ? RunSummary.minMs(h) : RunSummary.ms(h, p))));
        }
        return out;
    }

    /** One time-series point without its database part: the columns JSON and CSV share. */
    static Map<String, Object> point(TimePoint p) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("t_s", round(p.elapsedSeconds()));
        point.put("ops", p.operations());
        point.put("errors", p.errors());
        point.put("ops_per_sec", round(p.opsPerSecond()));
        point.put("p50_ms", round(p.p50Ms()));
        point.put("p95_ms", round(p.p95Ms()));
        point.put("p99_ms", round(p.p99Ms()));
        point.put("users", p.users());
        point.put("pool_active", p.poolBusy());
        point.put("pool_idle", p.poolIdle());
        point.put("pool_waiting", p.poolWaiting());
        point.put("heap_used_mb", round(p.heapUsedMb()));
        point.put("heap_after_gc_mb", round(p.host().heapAfterGcMb()));
        point.put("simulator_cpu_pct", round(p.host().simulatorCpuPct()));
        point.put("host_cpu_pct", round(p.host().hostCpuPct()));
        return point;
    }

    private static Map<String, Object> spike(SpikeRecovery sp) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("baseline_p95_ms", round(sp.baselineP95Ms()));
        m.put("baseline_from_s", sp.baselineFromS());
        m.put("baseline_to_s", sp.baselineToS());
        m.put("baseline_users", sp.baselineUsers());
        m.put("spike_users", sp.spikeUsers());
        m.put("spike_p95_ms", round(sp.spikeP95Ms()));
        m.put("drop_at_s", sp.dropAtS());
        m.put("recovered_at_s", sp.recoveredAtS());
        m.put("recovery_s", sp.recoverySeconds() == null ? null : round(sp.recoverySeconds()));
        return m;
    }

    private static Map<String, Object> trends(Trends tr) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("measured_s", round(tr.measuredSeconds()));
        m.put("heap_after_gc_mb", line(tr.heap()));
        m.put("backends", line(tr.backends()));
        m.put("p95_ms", line(tr.p95()));
        m.put("leak_suspected", tr.leakSuspected());
        m.put("latency_drift", tr.latencyDrift());
        return m;
    }

    private static Map<String, Object> line(Trends.Line l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("start", round(l.start()));
        m.put("end", round(l.end()));
        m.put("per_hour", round(l.perHour()));
        m.put("growth_pct", round(l.growthPct()));
        m.put("p_value", Double.isNaN(l.pValue()) ? null : l.pValue());
        return m;
    }

    private static Map<String, Long> errors(long[] byClass) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            m.put(e.label(), byClass[e.ordinal()]);
        }
        return m;
    }

    static double round(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }
}
