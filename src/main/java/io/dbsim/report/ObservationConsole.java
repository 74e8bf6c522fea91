package io.dbsim.report;

import io.dbsim.Bytes;
import io.dbsim.analysis.Bottlenecks;
import io.dbsim.analysis.Finding;
import io.dbsim.analysis.PoolUse;
import io.dbsim.analysis.RunSummary;
import io.dbsim.engine.RunResult;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.IndexStat;
import io.dbsim.observe.Observation;
import io.dbsim.observe.PoolAcquireTracker;
import io.dbsim.observe.ServerFacts;
import io.dbsim.observe.StatementStat;
import io.dbsim.observe.TableStat;
import io.dbsim.observe.WaitSummary;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The console's compact view of the pool, the database and the findings, below the latency tables. */
final class ObservationConsole {

    static final int TOP_STATEMENTS = 5;

    private ObservationConsole() {
    }

    static void print(PrintWriter out, RunResult run, List<Finding> findings) {
        Observation o = run.observation();
        PoolUse pool = PoolUse.of(run);
        out.println("pool");
        out.printf(Locale.ROOT, "  saturation          users waited in %.0f%% of %d samples (peak %d waiting); busy %.1f of %d on average (%.0f%%)%n",
                pool.saturationPct(), pool.samples(), pool.peakWaiting(), pool.meanBusy(), run.poolSize(), pool.utilisationPct());
        if (o != null && o.hikari() != null) {
            PoolAcquireTracker.Summary h = o.hikari();
            out.printf(Locale.ROOT, "  HikariCP            getConnection p95 %.2f ms, max %.1f ms; %d timeouts; %d connections opened (p95 %.1f ms)%n",
                    RunSummary.ms(h.acquire(), 95), RunSummary.maxMs(h.acquire()), h.timeouts(),
                    h.connectionCreation().getTotalCount(), RunSummary.ms(h.connectionCreation(), 95));
        }
        out.printf(Locale.ROOT, "  simulator CPU       %.0f%% of %d cores on average (peak %.0f%%); host CPU %.0f%%%n",
                pool.meanSimulatorCpuPct(), Runtime.getRuntime().availableProcessors(), pool.peakSimulatorCpuPct(),
                pool.meanHostCpuPct());
        if (o == null) {
            bottlenecks(out, findings);
            return;
        }
        database(out, o);
        statements(out, o);
        tables(out, o);
        server(out, o.facts());
        bottlenecks(out, findings);
        if (!o.notes().isEmpty()) {
            out.println("notes");
            o.notes().forEach(n -> out.println("  - " + n));
        }
    }

    private static void database(PrintWriter out, Observation o) {
        DatabaseCounters d = o.delta() == null ? null : o.delta().counters();
        WaitSummary w = o.waits();
        if (d == null && (w == null || w.samples() == 0)) {
            return;
        }
        out.println("database (over the run)");
        if (d != null) {
            out.printf(Locale.ROOT, "  transactions        %,d commits, %,d rollbacks; deadlocks %d, conflicts %d%n",
                    d.commits(), d.rollbacks(), d.deadlocks(), d.conflicts());
            out.printf(Locale.ROOT, "  cache hit ratio     %s (%,d blocks read, %,d hits); temp files %,d (%s)%n",
                    Double.isNaN(d.cacheHitPct()) ? "-" : String.format(Locale.ROOT, "%.2f%%", d.cacheHitPct()),
                    d.blocksRead(), d.blocksHit(), d.tempFiles(), Bytes.format(d.tempBytes()));
        }
        if (w != null && w.busyBackendSamples() > 0) {
            out.printf(Locale.ROOT, "  wait events         %s (of %,d busy backend samples)%n", w.waitEvents().entrySet().stream().limit(5)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / w.busyBackendSamples()))
                    .collect(Collectors.joining(", ")), w.busyBackendSamples());
            out.printf(Locale.ROOT, "  lock waits          in %d of %d samples, up to %d at once%s%n", w.samplesWithLockWaits(), w.samples(),
                    w.maxLocksNotGranted(), w.lockWaitsByOperation().isEmpty() ? "" : "; waiting: " + w.lockWaitsByOperation()
                            .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private static void statements(PrintWriter out, Observation o) {
        if (o.delta() == null || o.delta().statements() == null) {
            return;
        }
        List<StatementStat> top = o.delta().statements().stream().limit(TOP_STATEMENTS).toList();
        if (top.isEmpty()) {
            return;
        }
        out.println("top statements (pg_stat_statements)  calls   total ms  mean ms      rows   hit%  temp blks");
        for (StatementStat st : top) {
            out.printf(Locale.ROOT, "  %-32s %9d %10.1f %8.2f %9d %6s %10d%n", Bottlenecks.label(st), st.calls(), st.totalMs(),
                    st.meanMs(), st.rows(), Double.isNaN(st.cacheHitPct()) ? "-" : String.format(Locale.ROOT, "%.1f", st.cacheHitPct()),
                    st.tempBlocksRead() + st.tempBlocksWritten());
        }
    }

    private static void tables(PrintWriter out, Observation o) {
        if (o.delta() == null) {
            return;
        }
        List<TableStat> touched = o.delta().tables().stream().filter(TableStat::touched).toList();
        if (!touched.isEmpty()) {
            out.println("tables                    seq scans  rows/scan  idx scans  inserts  updates  HOT%   dead rows");
            for (TableStat t : touched) {
                out.printf(Locale.ROOT, "  %-22s %10d %10.0f %10d %8d %8d %5s %11d%n", t.table(), t.seqScans(), t.rowsPerSeqScan(),
                        t.indexScans(), t.inserts(), t.updates(),
                        Double.isNaN(t.hotUpdatePct()) ? "-" : String.format(Locale.ROOT, "%.0f", t.hotUpdatePct()), t.deadRows());
            }
        }
        List<IndexStat> unused = unusedIndexes(o);
        if (!unused.isEmpty()) {
            out.println("  indexes not scanned by this run, on tables it wrote: " + unused.stream()
                    .map(i -> i.index() + " (" + Bytes.format(i.sizeBytes()) + ")").collect(Collectors.joining(", ")));
        }
    }

    /** Non-unique indexes the run never read while it paid for keeping them up to date. */
    static List<IndexStat> unusedIndexes(Observation o) {
        if (o.delta() == null) {
            return List.of();
        }
        Map<String, TableStat> tables = o.delta().tables().stream().collect(Collectors.toMap(TableStat::table, t -> t, (a, b) -> a));
        return o.delta().indexes().stream().filter(i -> !i.unique() && i.scans() == 0).filter(i -> {
            TableStat t = tables.get(i.table());
            return t != null && t.inserts() + t.updates() + t.deletes() > 0;
        }).toList();
    }

    private static void server(PrintWriter out, ServerFacts f) {
        if (f == null) {
            return;
        }
        out.println("server");
        out.printf(Locale.ROOT, "  PostgreSQL %s; %s%n", f.version(), f.settings().entrySet().stream()
                .filter(e -> List.of("max_connections", "shared_buffers", "work_mem", "effective_cache_size",
                        "synchronous_commit", "random_page_cost").contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  data                %s in %d tables: %s%n", Bytes.format(f.dataBytes()), f.tables().size(),
                f.tables().stream().limit(6).map(t -> String.format(Locale.ROOT, "%s %,d rows", t.table(), t.rows()))
                        .collect(Collectors.joining(", ")));
    }

    private static void bottlenecks(PrintWriter out, List<Finding> findings) {
        out.println("bottlenecks" + (findings.isEmpty() ? ": none found" : " (most costly first)"));
        int n = 1;
        for (Finding f : findings) {
            out.printf(Locale.ROOT, "  %d. [%s] %s%n", n++, f.severity().name().toLowerCase(Locale.ROOT), f.title());
            f.evidence().forEach(e -> out.println("       - " + e));
            out.println("       impact: " + f.impact());
            out.println("       fix: " + f.fix());
        }
    }
}
