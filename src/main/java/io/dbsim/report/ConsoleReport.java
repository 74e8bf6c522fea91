package io.dbsim.report;

import io.dbsim.Bytes;
import io.dbsim.analysis.RunReport.Activity;
import io.dbsim.analysis.RunReport.Config;
import io.dbsim.analysis.RunReport.Database;
import io.dbsim.analysis.RunReport.FindingRow;
import io.dbsim.analysis.RunReport.IndexActivity;
import io.dbsim.analysis.RunReport.Latency;
import io.dbsim.analysis.RunReport.Pool;
import io.dbsim.analysis.RunReport.StatementRow;
import io.dbsim.analysis.RunReport.TableActivity;
import io.dbsim.analysis.RunReport.ThresholdRow;
import io.dbsim.analysis.RunReport.WaitEvents;
import io.dbsim.analysis.RunReport;
import io.dbsim.settings.Durations;
import io.dbsim.settings.Stage;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The end-of-run report on the console: what a DBA's load test report holds, in plain text, one method per section. */
public final class ConsoleReport {

    static final int TOP_STATEMENTS = 5;
    private static final List<String> SERVER_SETTINGS = List.of("max_connections", "shared_buffers", "work_mem",
            "effective_cache_size", "synchronous_commit", "random_page_cost");

    private static final Map<String, String> QUERY_MODES = Map.of(
            "simple", "simple (pgbench -M simple: the simple query protocol, values in the text)",
            "extended", "extended (pgbench -M extended: extended protocol, never prepared on the server)",
            "prepared", "prepared (pgbench -M prepared: server-side prepared statements from the first execution)",
            "driver_default", "the driver's default (extended protocol, prepared on the server from the fifth execution)");

    private ConsoleReport() {
    }

    /** The whole report: the run, then its capacity estimate and thresholds when it has them. */
    public static void printAll(PrintWriter out, RunReport run) {
        print(out, run);
        if (run.capacity() != null) {
            CapacityConsole.print(out, run.capacity());
        }
        if (run.thresholds() != null) {
            printVerdict(out, run);
        }
    }

    public static void print(PrintWriter out, RunReport run) {
        String rule = "=".repeat(78);
        out.println();
        out.println(rule);
        out.println("dbsim run report" + (run.interrupted() ? "  (interrupted: what was measured until the stop)" : ""));
        out.println(rule);
        if (run.abortedBy() != null) {
            out.println("stopped early: threshold " + run.abortedBy());
        }
        configuration(out, run);
        results(out, run);
        operations(out, run);
        CommandConsole.print(out, run);
        flows(out, run);
        errors(out, run);
        simulator(out, run);
        spikeAndTrends(out, run);
        outages(out, run.outages());
        pool(out, run);
        if (run.database().observed()) {
            database(out, run.database());
            statements(out, run.statements());
            tables(out, run.database());
            server(out, run.database());
        }
        bottlenecks(out, run.bottlenecks());
        if (run.database().observed() && !run.notes().isEmpty()) {
            out.println("notes");
            run.notes().forEach(n -> out.println("  - " + n));
        }
        out.println("assessment");
        run.assessment().forEach(line -> out.println("  - " + line));
        out.println(rule);
        out.flush();
    }

    /** Each threshold with what was measured, then GO or NO-GO, as a load test report's last lines. */
    public static void printVerdict(PrintWriter out, RunReport run) {
        out.println("thresholds");
        for (ThresholdRow t : run.thresholds()) {
            out.printf(Locale.ROOT, "  %-36s %-18s %s%n", t.threshold(),
                    t.measured() == null ? "not measured" : String.format(Locale.ROOT, "%.2f %s", t.measured(), t.unit()),
                    t.passed() ? "pass" : "FAIL");
        }
        long failed = run.thresholds().stream().filter(t -> !t.passed()).count();
        out.println(run.go() ? "verdict: GO (every threshold passed)" : failed == 0
                ? "verdict: NO-GO (the run was stopped early by " + run.abortedBy() + ")"
                : "verdict: NO-GO (" + failed + " of " + run.thresholds().size() + " thresholds failed)");
        out.flush();
    }

    private static void configuration(PrintWriter out, RunReport run) {
        Config c = run.config();
        out.println("configuration");
        out.printf(Locale.ROOT, "  database            %s (PostgreSQL %s)%s%n", run.database().target(), run.database().serverVersion(),
                run.database().connectionFrom() == null ? "" : ", settings from " + run.database().connectionFrom());
        if (c.openModel()) {
            out.printf(Locale.ROOT, "  arrival rate        %.1f/s for %s (open model, at most %d in flight)%n",
                    c.ratePerSec(), Format.seconds(c.durationS()), c.maxUsers());
        } else if (c.staged()) {
            out.printf(Locale.ROOT, "  stages              %s%n", Durations.stages(c.stages().stream()
                    .map(s -> new Stage(Duration.ofNanos(Math.round(s.durationS() * 1e9)), s.target())).toList()));
        } else {
            out.printf(Locale.ROOT, "  users               %d, %s%n", c.users(),
                    c.opsPerUser() > 0 ? c.opsPerUser() + " operations each" : "for " + Format.seconds(c.durationS()));
        }
        out.printf(Locale.ROOT, "  pattern             %s, think time %s, ramp-up %s, warm-up %s%n", c.pattern(),
                Format.millis(c.thinkTimeMs()), Format.seconds(c.rampUpS()), Format.seconds(c.warmUpS()));
        out.printf(Locale.ROOT, "  pool                %d connections (min idle %d, timeout %s, %s queue)%n", c.poolSize(),
                c.poolMinIdle(), Format.millis(c.connectionTimeoutMs()), c.poolQueue());
        if (c.retryConnectionLoss() != null && c.retryConnectionLoss() > 0) {
            out.printf(Locale.ROOT, "  connection loss     retried up to %d times (backoff 100 ms doubling to 5 s, jittered)%n",
                    c.retryConnectionLoss());
        }
        if (c.queryMode() != null) {
            out.printf(Locale.ROOT, "  query mode          %s%n", QUERY_MODES.getOrDefault(c.queryMode(), c.queryMode()));
        }
        if (c.latencyLimitMs() != null) {
            out.printf(Locale.ROOT, "  latency limit       %s (pgbench -L: slower successes are late%s)%n", Format.millis(c.latencyLimitMs()),
                    c.openModel() ? "; arrivals further behind schedule are skipped" : "");
        }
        out.printf(Locale.ROOT, "  duration            %.1f s (measured %.1f s)%n", run.elapsedS(), run.measuredS());
        if (!c.openModel()) {
            out.println("user patterns");
            int users = run.usersByPattern().values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> e : run.usersByPattern().entrySet()) {
                out.printf(Locale.ROOT, "  %-20s%5d user%s (%.1f%%)%n", e.getKey(), e.getValue(), e.getValue() == 1 ? "" : "s",
                        100.0 * e.getValue() / Math.max(1, users));
            }
        }
    }

    private static void results(PrintWriter out, RunReport run) {
        RunReport.Summary s = run.summary();
        out.println("results");
        out.printf(Locale.ROOT, "  operations          %,d%n", s.operations());
        out.printf(Locale.ROOT, "  succeeded           %,d (%.2f%%)%n", s.succeeded(), s.successRatePct());
        out.printf(Locale.ROOT, "  failed              %,d (%.2f%%), retries %,d%n", s.failed(), s.errorRatePct(), s.retries());
        if (s.retries() > 0 && s.retriesByClass() != null) {
            out.printf(Locale.ROOT, "  retried             %s%n", Format.classes(s.retriesByClass()));
        }
        out.printf(Locale.ROOT, "  throughput          %,.1f ops/s%n", s.throughputOpsPerSec());
        RunReport.LatencyLimit limit = s.latencyLimit();
        if (limit != null) {
            out.printf(Locale.ROOT, "  late                %,d of %,d succeeded (%.3f%%) took longer than the %s latency limit%n", limit.late(),
                    s.succeeded(), limit.latePct(), Format.millis(limit.limitMs()));
            if (limit.skipped() != null) {
                out.printf(Locale.ROOT, "  skipped             %,d (%.3f%%) arrivals not run: already more than %s behind schedule%n",
                        limit.skipped(), limit.skippedPct(), Format.millis(limit.limitMs()));
            }
        }
        out.println("response times (ms)     mean      p50      p95      p99      min      max");
        row(out, "  total", s.latencyMs());
        row(out, "  pool wait", s.poolWaitMs());
        row(out, "  database", s.databaseMs());
    }

    private static void operations(PrintWriter out, RunReport run) {
        out.println("operations                    count   failed  share    mean     p95     p99   wait p95");
        run.operations().stream().sorted(Comparator.comparing(RunReport.OperationRow::name)).forEach(op ->
                out.printf(Locale.ROOT, "  %-26s %8d %8d %5.1f%% %7.1f %7.1f %7.1f %9.1f%n", op.name(), op.count(), op.failed(),
                        100.0 * op.count() / Math.max(1, run.summary().operations()), op.latencyMs().mean(), op.latencyMs().p95(),
                        op.latencyMs().p99(), op.poolWaitMs().p95()));
        lateByOperation(out, run);
    }

    private static void lateByOperation(PrintWriter out, RunReport run) {
        if (run.summary().latencyLimit() == null || run.summary().latencyLimit().late() == 0) {
            return;
        }
        out.println("  late by operation: " + run.operations().stream().filter(op -> op.late() != null && op.late() > 0)
                .sorted(Comparator.comparing(RunReport.OperationRow::name))
                .map(op -> String.format(Locale.ROOT, "%s %,d (%.2f%%)", op.name(), op.late(), 100.0 * op.late() / Math.max(1, op.succeeded())))
                .collect(Collectors.joining(", ")));
    }

    private static void flows(PrintWriter out, RunReport run) {
        if (run.flows().isEmpty()) {
            return;
        }
        out.println("flows (a journey's steps' response times summed; think time left out)");
        out.println("  flow                        journeys   failed    mean     p95     p99   wait p95   steps");
        run.flows().forEach(f -> out.printf(Locale.ROOT, "  %-26s %9d %8d %7.1f %7.1f %7.1f %10.1f   %s%n", f.name(),
                f.journeys(), f.failed(), f.latencyMs().mean(), f.latencyMs().p95(), f.latencyMs().p99(), f.poolWaitMs().p95(),
                String.join(" > ", f.steps())));
    }

    private static void errors(PrintWriter out, RunReport run) {
        if (run.summary().failed() == 0) {
            return;
        }
        out.println("errors by class");
        run.summary().errors().forEach((error, n) -> {
            if (n > 0) {
                out.printf(Locale.ROOT, "  %-26s %8d%n", error, n);
            }
        });
    }

    private static void simulator(PrintWriter out, RunReport run) {
        RunReport.FairnessRow f = run.pool().fairness();
        if (f.users() > 0) {
            out.printf(Locale.ROOT, "pool fairness: operations per user min %d, median %d, max %d; Jain index %.3f; "
                    + "longest wait %.1f ms%n", f.opsPerUserMin(), f.opsPerUserMedian(), f.opsPerUserMax(), f.jainIndex(),
                    f.longestPoolWaitMs());
        }
        RunReport.Simulator sim = run.simulator();
        out.printf(Locale.ROOT, "simulator: peak heap %.0f MB of %.0f MB; users woke up late by p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                sim.heapUsedPeakMb(), sim.heapMaxMb(), sim.wakeUpLatenessMs().p50(), sim.wakeUpLatenessMs().p99(),
                sim.wakeUpLatenessMs().max());
        if (sim.threads() != null) {
            out.printf(Locale.ROOT, "threads: %s%n", Format.threads(sim.threads()));
        }
    }

    private static void spikeAndTrends(PrintWriter out, RunReport run) {
        RunReport.Spike sp = run.spike();
        if (sp != null) {
            out.printf(Locale.ROOT, "spike: baseline p95 %.1f ms (%d users, %.0f-%.0f s); worst p95 under %d users %.1f ms; %s%n",
                    sp.baselineP95Ms(), sp.baselineUsers(), sp.baselineFromS(), sp.baselineToS(), sp.spikeUsers(), sp.spikeP95Ms(),
                    sp.recoveryS() == null
                            ? String.format(Locale.ROOT, "after the drop at %.0f s, p95 did not come back within 10%% of baseline", sp.dropAtS())
                            : String.format(Locale.ROOT, "after the drop at %.0f s, p95 was back within 10%% of baseline in %.1f s",
                            sp.dropAtS(), sp.recoveryS()));
        }
        RunReport.TrendsRow tr = run.trends();
        if (tr != null) {
            out.printf(Locale.ROOT, "trends over %.0f s: heap after GC %.0f -> %.0f MB (%+.1f%%, p %s); backends %.1f -> %.1f; "
                            + "p95 %.1f -> %.1f ms (%+.1f%%); %s%n", tr.measuredS(), tr.heapAfterGcMb().start(), tr.heapAfterGcMb().end(),
                    tr.heapAfterGcMb().growthPct(), tr.heapAfterGcMb().pValue() == null ? "-"
                            : String.format(Locale.ROOT, "%.3f", tr.heapAfterGcMb().pValue()), tr.backends().start(),
                    tr.backends().end(), tr.p95Ms().start(), tr.p95Ms().end(), tr.p95Ms().growthPct(), tr.leakSuspected()
                            ? "LEAK SUSPECTED" : tr.latencyDrift() ? "latency drifts up" : "no leak, no drift");
            if (tr.meanMs() != null) {
                out.printf(Locale.ROOT, "  mean %.2f -> %.2f ms; the database's time per operation %s; pool wait %.2f -> %.2f ms%n",
                        tr.meanMs().start(), tr.meanMs().end(), tr.databaseMsPerOp() == null ? "not measured"
                                : String.format(Locale.ROOT, "%.2f -> %.2f ms", tr.databaseMsPerOp().start(), tr.databaseMsPerOp().end()),
                        tr.poolWaitMs() == null ? 0 : tr.poolWaitMs().start(), tr.poolWaitMs() == null ? 0 : tr.poolWaitMs().end());
            }
            if (tr.driftCause() != null) {
                out.println("  " + Format.driftSentence(tr.driftCause()));
            }
        }
    }

    /** What the run lived through, when anything happened: each outage, the server's restarts, the observer's gaps. */
    private static void outages(PrintWriter out, RunReport.OutagesSection lived) {
        if (lived == null || !lived.anything()) {
            return;
        }
        out.println("outages" + (lived.events().isEmpty() ? ": none in the time series" : ""));
        int n = 1;
        for (RunReport.OutageRow o : lived.events()) {
            out.printf(Locale.ROOT, "  %d. %.1f-%.1f s%s: %s%s; %s; %,d operations lost%s%n", n++, o.startedAtS(), o.endedAtS(),
                    o.stalled() ? ", throughput near zero" : "",
                    o.failuresByClass().isEmpty() ? "no failures" : Format.classes(o.failuresByClass()),
                    o.retries() == 0 ? "" : " (retried " + Format.classes(o.retriesByClass()) + ")",
                    o.recoveryS() == null ? "not recovered by the end"
                            : String.format(Locale.ROOT, "recovered in %.1f s (at %.1f s)", o.recoveryS(), o.recoveredAtS()),
                    o.operationsLost(), o.usersGaveUp() == null ? ""
                            : String.format(Locale.ROOT, "; %,d users gave up an operation", o.usersGaveUp()));
        }
        lived.serverRestarts().forEach(r -> out.printf(Locale.ROOT, "  server restarted    at %.1f s%n", r.atS()));
        lived.observerGaps().forEach(g -> out.printf(Locale.ROOT, "  observer gap        %.1f-%s s (%s)%n", g.lostAtS(),
                g.resumedAtS() == null ? "end" : String.format(Locale.ROOT, "%.1f", g.resumedAtS()), g.reason()));
        if (!lived.countersReset().isEmpty()) {
            out.println("  counters reset      " + String.join(", ", lived.countersReset()) + " (their figures count from the reset)");
        }
    }

    private static void pool(PrintWriter out, RunReport run) {
        Pool pool = run.pool();
        out.println("pool");
        out.printf(Locale.ROOT, "  saturation          users waited in %.0f%% of %d samples (peak %d waiting); busy %.1f of %d on average (%.0f%%)%n",
                pool.saturationPct(), pool.samples(), pool.waitingPeak(), pool.activeMean(), pool.size(), pool.utilisationPct());
        if (pool.hikariAcquireMs() != null) {
            out.printf(Locale.ROOT, "  HikariCP            getConnection p95 %.2f ms, max %.1f ms; %d timeouts; %d connections opened (p95 %.1f ms)%n",
                    pool.hikariAcquireMs().p95(), pool.hikariAcquireMs().max(), pool.hikariTimeouts(), pool.connectionsOpened(),
                    pool.connectionOpenMs().p95());
        }
        Integer cores = run.simulator().cores();
        out.printf(Locale.ROOT, "  simulator CPU       %.0f%% of %s on average (peak %.0f%%); host CPU %.0f%%%n",
                pool.simulatorCpuMeanPct(), cores == null ? "all cores" : cores + " cores", pool.simulatorCpuPeakPct(),
                pool.hostCpuMeanPct());
    }

    private static void database(PrintWriter out, Database db) {
        Activity d = db.activity();
        WaitEvents w = db.waitEvents();
        if (d == null && (w == null || w.samples() == 0)) {
            return;
        }
        out.println("database (over the run)");
        if (d != null) {
            out.printf(Locale.ROOT, "  transactions        %,d commits, %,d rollbacks; deadlocks %d, conflicts %d%n",
                    d.commits(), d.rollbacks(), d.deadlocks(), d.conflicts());
            out.printf(Locale.ROOT, "  cache hit ratio     %s (%,d blocks read, %,d hits); temp files %,d (%s)%n",
                    d.cacheHitPct() == null ? "-" : String.format(Locale.ROOT, "%.2f%%", d.cacheHitPct()),
                    d.blocksRead(), d.blocksHit(), d.tempFiles(), Bytes.format(d.tempBytes()));
        }
        if (w != null && w.busyBackendSamples() > 0) {
            out.printf(Locale.ROOT, "  wait events         %s (of %,d busy backend samples)%n", w.events().entrySet().stream().limit(5)
                    .map(e -> String.format(Locale.ROOT, "%s %.0f%%", e.getKey(), 100.0 * e.getValue() / w.busyBackendSamples()))
                    .collect(Collectors.joining(", ")), w.busyBackendSamples());
            out.printf(Locale.ROOT, "  lock waits          in %d of %d samples, up to %d at once%s%n", w.samplesWithLockWaits(), w.samples(),
                    w.locksNotGrantedPeak(), w.lockWaitsByOperation().isEmpty() ? "" : "; waiting: " + w.lockWaitsByOperation()
                            .entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
    }

    private static void statements(PrintWriter out, List<StatementRow> statements) {
        if (statements == null || statements.isEmpty()) {
            return;
        }
        out.println("top statements (pg_stat_statements)  calls   total ms  mean ms      rows   hit%  temp blks");
        for (StatementRow st : statements.stream().limit(TOP_STATEMENTS).toList()) {
            out.printf(Locale.ROOT, "  %-32s %9d %10.1f %8.2f %9d %6s %10d%n", Format.label(st), st.calls(), st.totalMs(),
                    st.meanMs(), st.rows(), Double.isNaN(st.cacheHitPct()) ? "-" : String.format(Locale.ROOT, "%.1f", st.cacheHitPct()),
                    st.tempBlocksRead() + st.tempBlocksWritten());
        }
    }

    private static void tables(PrintWriter out, Database db) {
        if (db.tableActivity() == null) {
            return;
        }
        List<TableActivity> touched = db.tableActivity().stream().filter(TableActivity::touched).toList();
        if (!touched.isEmpty()) {
            out.println("tables                    seq scans  rows/scan  idx scans  inserts  updates  HOT%   dead rows");
            for (TableActivity t : touched) {
                out.printf(Locale.ROOT, "  %-22s %10d %10.0f %10d %8d %8d %5s %11d%n", t.table(), t.seqScans(), t.rowsPerSeqScan(),
                        t.indexScans(), t.inserts(), t.updates(),
                        Double.isNaN(t.hotUpdatePct()) ? "-" : String.format(Locale.ROOT, "%.0f", t.hotUpdatePct()), t.deadRows());
            }
        }
        List<String> unused = db.indexesUnusedWhileWritten();
        if (unused != null && !unused.isEmpty()) {
            out.println("  indexes not scanned by this run, on tables it wrote: " + unused.stream()
                    .map(name -> name + " (" + Bytes.format(db.indexActivity().stream().filter(i -> i.index().equals(name))
                            .mapToLong(IndexActivity::bytes).findFirst().orElse(0)) + ")").collect(Collectors.joining(", ")));
        }
    }

    private static void server(PrintWriter out, Database db) {
        if (db.settings() == null) {
            return;
        }
        out.println("server");
        out.printf(Locale.ROOT, "  PostgreSQL %s; %s%n", db.versionAsServerStates(), db.settings().entrySet().stream()
                .filter(e -> SERVER_SETTINGS.contains(e.getKey()))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "  data                %s in %d tables: %s%n", Bytes.format(db.dataBytes()), db.tables().size(),
                db.tables().stream().limit(6).map(t -> String.format(Locale.ROOT, "%s %,d rows", t.table(), t.rows()))
                        .collect(Collectors.joining(", ")));
    }

    private static void bottlenecks(PrintWriter out, List<FindingRow> findings) {
        out.println("bottlenecks" + (findings.isEmpty() ? ": none found" : " (most costly first)"));
        for (FindingRow f : findings) {
            out.printf(Locale.ROOT, "  %d. [%s] %s%n", f.rank(), f.severity(), f.title());
            f.evidence().forEach(e -> out.println("       - " + e));
            out.println("       impact: " + f.impact());
            out.println("       fix: " + f.fix());
        }
    }

    private static void row(PrintWriter out, String label, Latency h) {
        out.printf(Locale.ROOT, "%-20s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f%n", label, h.mean(), h.p50(), h.p95(), h.p99(),
                h.min(), h.max());
    }
}
