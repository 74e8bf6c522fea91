package io.dbsim.report;

import io.dbsim.analysis.Finding;
import io.dbsim.analysis.PoolUse;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.IndexStat;
import io.dbsim.observe.Observation;
import io.dbsim.observe.PlanInspector;
import io.dbsim.observe.ServerFacts;
import io.dbsim.observe.StatementStat;
import io.dbsim.observe.StatementTick;
import io.dbsim.observe.TableStat;
import io.dbsim.observe.WaitSummary;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON report's `pool`, `database`, `statements` and `bottlenecks` sections (reports/README.md). */
final class ObservationJson {

    private ObservationJson() {
    }

    static Map<String, Object> pool(RunResult run) {
        PoolUse use = PoolUse.of(run);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("size", run.poolSize());
        m.put("queue", run.config().poolQueue().name().toLowerCase(Locale.ROOT));
        m.put("samples", use.samples());
        m.put("saturation_pct", JsonReport.round(use.saturationPct()));
        m.put("waiting_peak", use.peakWaiting());
        m.put("waiting_mean", JsonReport.round(use.meanWaiting()));
        m.put("active_mean", JsonReport.round(use.meanBusy()));
        m.put("utilisation_pct", JsonReport.round(use.utilisationPct()));
        Observation o = run.observation();
        if (o != null && o.hikari() != null) {
            m.put("hikari_acquire_ms", JsonReport.latency(o.hikari().acquire()));
            m.put("hikari_usage_ms", JsonReport.latency(o.hikari().usage()));
            m.put("connections_opened", o.hikari().connectionCreation().getTotalCount());
            m.put("connection_open_ms", JsonReport.latency(o.hikari().connectionCreation()));
            m.put("hikari_timeouts", o.hikari().timeouts());
        }
        m.put("simulator_cpu_mean_pct", JsonReport.round(use.meanSimulatorCpuPct()));
        m.put("simulator_cpu_peak_pct", JsonReport.round(use.peakSimulatorCpuPct()));
        m.put("host_cpu_mean_pct", JsonReport.round(use.meanHostCpuPct()));
        return m;
    }

    static Map<String, Object> database(RunResult run) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", run.database());
        m.put("server_version", run.serverVersion());
        Observation o = run.observation();
        if (o == null) {
            return m;
        }
        ServerFacts f = o.facts();
        if (f != null) {
            m.put("settings", f.settings());
            m.put("data_bytes", f.dataBytes());
            m.put("database_bytes", f.databaseBytes());
            m.put("tables", f.tables().stream().map(t -> Map.of("table", t.table(), "rows", t.rows(), "bytes", t.bytes())).toList());
        }
        m.put("pg_stat_statements", o.statementsAvailable());
        DatabaseCounters d = o.delta() == null ? null : o.delta().counters();
        if (d != null) {
            Map<String, Object> c = new LinkedHashMap<>();
            c.put("commits", d.commits());
            c.put("rollbacks", d.rollbacks());
            c.put("blocks_read", d.blocksRead());
            c.put("blocks_hit", d.blocksHit());
            c.put("cache_hit_pct", Double.isNaN(d.cacheHitPct()) ? null : JsonReport.round(d.cacheHitPct()));
            c.put("temp_files", d.tempFiles());
            c.put("temp_bytes", d.tempBytes());
            c.put("deadlocks", d.deadlocks());
            c.put("conflicts", d.conflicts());
            m.put("activity", c);
        }
        WaitSummary w = o.waits();
        if (w != null) {
            Map<String, Object> waits = new LinkedHashMap<>();
            waits.put("samples", w.samples());
            waits.put("busy_backend_samples", w.busyBackendSamples());
            waits.put("events", w.waitEvents());
            waits.put("lock_share_pct", JsonReport.round(w.sharePct("Lock")));
            waits.put("samples_with_lock_waits", w.samplesWithLockWaits());
            waits.put("locks_not_granted_peak", w.maxLocksNotGranted());
            waits.put("lock_waits_by_operation", w.lockWaitsByOperation());
            m.put("wait_events", waits);
        }
        if (o.delta() != null) {
            List<Map<String, Object>> tables = new ArrayList<>();
            for (TableStat t : o.delta().tables()) {
                Map<String, Object> tm = new LinkedHashMap<>();
                tm.put("table", t.table());
                tm.put("seq_scans", t.seqScans());
                tm.put("seq_rows_read", t.seqRowsRead());
                tm.put("index_scans", t.indexScans());
                tm.put("inserts", t.inserts());
                tm.put("updates", t.updates());
                tm.put("hot_updates", t.hotUpdates());
                tm.put("deletes", t.deletes());
                tm.put("live_rows", t.liveRows());
                tm.put("dead_rows", t.deadRows());
                tm.put("bytes", t.sizeBytes());
                tables.add(tm);
            }
            m.put("table_activity", tables);
            List<Map<String, Object>> indexes = new ArrayList<>();
            for (IndexStat i : o.delta().indexes()) {
                indexes.add(Map.of("table", i.table(), "index", i.index(), "scans", i.scans(), "bytes", i.sizeBytes(),
                        "unique", i.unique()));
            }
            m.put("index_activity", indexes);
            m.put("indexes_unused_while_written", ObservationConsole.unusedIndexes(o).stream().map(IndexStat::index).toList());
        }
        List<Map<String, Object>> scans = new ArrayList<>();
        for (PlanInspector.SeqScan s : o.seqScans()) {
            Map<String, Object> sm = new LinkedHashMap<>();
            sm.put("operation", s.operation());
            sm.put("table", s.table());
            sm.put("columns", s.columns());
            sm.put("filter", s.filter());
            sm.put("estimated_rows", s.estimatedRows());
            sm.put("table_rows", s.tableRows());
            scans.add(sm);
        }
        m.put("selective_seq_scans", scans);
        return m;
    }

    static Object statements(RunResult run) {
        Observation o = run.observation();
        if (o == null || o.delta() == null || o.delta().statements() == null) {
            return null;
        }
        return o.delta().statements().stream().map(st -> {
            Map<String, Object> m = statement(st);
            m.put("intervals", statementIntervals(run.timeSeries(), st.queryId()));
            return m;
        }).toList();
    }

    /** Calls and execution time per time-series point, as columns aligned with `timeseries`. */
    private static Map<String, Object> statementIntervals(List<TimePoint> series, long queryId) {
        long[] calls = new long[series.size()];
        double[] total = new double[series.size()];
        for (int t = 0; t < series.size(); t++) {
            DatabasePoint db = series.get(t).database();
            StatementTick tick = db == null ? null : db.statements().get(queryId);
            if (tick != null) {
                calls[t] = tick.calls();
                total[t] = JsonReport.round(tick.totalMs());
            }
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", calls);
        m.put("total_ms", total);
        return m;
    }

    static Map<String, Object> statement(StatementStat st) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", st.operation());
        m.put("query_id", st.queryId());
        m.put("query", st.query());
        m.put("calls", st.calls());
        m.put("total_ms", JsonReport.round(st.totalMs()));
        m.put("mean_ms", JsonReport.round(st.meanMs()));
        m.put("rows", st.rows());
        m.put("shared_blocks_hit", st.sharedBlocksHit());
        m.put("shared_blocks_read", st.sharedBlocksRead());
        m.put("temp_blocks_read", st.tempBlocksRead());
        m.put("temp_blocks_written", st.tempBlocksWritten());
        return m;
    }

    static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        int rank = 1;
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rank", rank++);
            m.put("kind", f.kind());
            m.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            m.put("impact_pct", JsonReport.round(f.impactPct()));
            m.put("title", f.title());
            m.put("evidence", f.evidence());
            m.put("impact", f.impact());
            m.put("fix", f.fix());
            Map<String, Object> figures = new java.util.TreeMap<>();
            f.figures().forEach((k, v) -> figures.put(k, v instanceof Double d ? JsonReport.round(d) : v));
            m.put("figures", figures);
            out.add(m);
        }
        return out;
    }

    static Map<String, Object> point(DatabasePoint p) {
        if (p == null) {
            return null;
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("backends", p.backends());
        m.put("active", p.active());
        m.put("idle_in_transaction", p.idleInTransaction());
        m.put("locks_not_granted", p.locksNotGranted());
        m.put("commits_per_sec", JsonReport.round(p.commitsPerSec()));
        m.put("rollbacks_per_sec", JsonReport.round(p.rollbacksPerSec()));
        m.put("cache_hit_pct", Double.isNaN(p.cacheHitPct()) ? null : JsonReport.round(p.cacheHitPct()));
        m.put("temp_bytes", p.tempBytes());
        m.put("deadlocks", p.deadlocks());
        m.put("wait_events", p.waitEvents());
        return m;
    }
}
