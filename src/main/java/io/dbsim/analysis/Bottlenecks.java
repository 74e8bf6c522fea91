package io.dbsim.analysis;

import io.dbsim.Bytes;
import io.dbsim.Text;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.Observation;
import io.dbsim.observe.PlanInspector;
import io.dbsim.observe.StatementStat;
import io.dbsim.observe.TableStat;
import io.dbsim.observe.WaitSummary;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunSettings;
import io.dbsim.workload.StatementCatalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a run's measurements into ranked findings. Each rule fires on measured figures only and
 * writes those figures into its evidence, so a reader can check the reasoning.
 */
public final class Bottlenecks {

    /** Square-root staffing: enough connections for the mean load plus bursts of about two standard deviations. */
    private static final double BURST_HEADROOM = 2.0;
    private static final double MIN_CACHE_HIT_PCT = 99.0;
    private static final long MIN_BLOCKS_READ = 1000;

    private Bottlenecks() {
    }

    public static List<Finding> of(RunResult run, RunSummary s, PoolUse pool) {
        Observation o = run.observation();
        List<Finding> all = new ArrayList<>();
        poolExhaustion(run, s, pool).ifPresent(all::add);
        if (o != null) {
            lockContention(s, o).ifPresent(all::add);
            all.addAll(missingIndexes(run, s, o));
            if (o.delta() != null && o.delta().counters() != null) {
                lowCacheHit(o).ifPresent(all::add);
                tempSpills(o).ifPresent(all::add);
            }
        }
        all.addAll(errors(run, s));
        loadGenerator(run, pool).ifPresent(all::add);
        all.sort(Comparator.comparingDouble(Finding::impactPct).reversed());
        return all;
    }

    private static java.util.Optional<Finding> poolExhaustion(RunResult run, RunSummary s, PoolUse pool) {
        long timeouts = s.failuresByClass()[ErrorClass.POOL_TIMEOUT.ordinal()];
        double waitShare = s.poolWaitShare();
        if ((pool.saturationPct() < 10 || waitShare < 5) && timeouts == 0) {
            return java.util.Optional.empty();
        }
        RunSettings c = run.config();
        double seconds = Math.max(1e-9, run.measured().toNanos() / 1e9);
        double throughput = s.succeeded() / seconds;
        double hold = RunSummary.meanMs(s.database()) / 1000.0;
        double response = RunSummary.meanMs(s.total()) / 1000.0;
        double busy = throughput * hold;
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "users were waiting for a connection in %.0f%% of %d samples (peak %d waiting, "
                + "%.1f on average) with a pool of %d", pool.saturationPct(), pool.samples(), pool.peakWaiting(),
                pool.meanWaiting(), run.poolSize()));
        evidence.add(String.format(Locale.ROOT, "waiting for a connection took %.0f%% of the mean response time "
                + "(wait mean %.1f ms, p95 %.1f ms; response mean %.1f ms)", waitShare, RunSummary.meanMs(s.poolWait()),
                RunSummary.ms(s.poolWait(), 95), RunSummary.meanMs(s.total())));
        evidence.add(String.format(Locale.ROOT, "connections were held %.2f ms per operation at %.1f ops/s: by Little's law "
                + "%.2f of %d connections were busy on average", hold * 1000, throughput, busy, run.poolSize()));
        double offered;
        if (c.openModel()) {
            offered = c.ratePerSecond() * hold;
            evidence.add(String.format(Locale.ROOT, "arrivals at %.1f/s holding a connection %.2f ms each need %.2f busy "
                    + "connections on average", c.ratePerSecond(), hold * 1000, offered));
        } else {
            // Failed operations are part of every user's cycle too: with pool timeouts, they are most of it.
            double users = meanUsers(run);
            double allPerSecond = s.operations() / seconds;
            double failedMs = run.operations().stream().mapToDouble(op -> RunSummary.meanMs(op.failedLatency()) * op.failed()).sum();
            double cycleResponse = (RunSummary.meanMs(s.total()) * s.succeeded() + failedMs) / Math.max(1, s.operations()) / 1000.0;
            double think = Math.max(0, users / Math.max(1e-9, allPerSecond) - cycleResponse);
            offered = users * hold / Math.max(1e-9, think + hold);
            evidence.add(String.format(Locale.ROOT, "%.0f users thinking %.1f ms between operations would keep %.2f connections "
                    + "busy on average if none had to wait (users x hold / (think + hold))", users, think * 1000, offered));
        }
        int recommended = Math.max(run.poolSize() + 1, (int) Math.ceil(offered + BURST_HEADROOM * Math.sqrt(offered)));
        if (!c.openModel()) {
            recommended = Math.min(recommended, (int) Math.ceil(maxUsers(run)));
        }
        Integer maxConnections = maxConnections(run);
        if (maxConnections != null) {
            recommended = Math.min(recommended, Math.max(1, maxConnections - 5));
        }
        if (timeouts > 0) {
            evidence.add(String.format(Locale.ROOT, "%d operations gave up after waiting %s for a connection (pool_timeout)",
                    timeouts, Durations.format(c.connectionTimeout())));
        }
        String fix = String.format(Locale.ROOT, "size the pool for the load: about %d connections (--pool-size %d; %.1f busy "
                + "on average plus %.0f standard deviations for bursts)", recommended, recommended, offered, BURST_HEADROOM);
        if (pool.meanHostCpuPct() >= 90 && isLocal(run)) {
            fix += String.format(Locale.ROOT, "; but the host's CPU, shared with PostgreSQL, averaged %.0f%%: more connections "
                    + "will add concurrency, not throughput, until the database has more CPU", pool.meanHostCpuPct());
        }
        double impact = Math.max(waitShare, 100.0 * timeouts / Math.max(1, s.operations()));
        return java.util.Optional.of(new Finding("pool_exhaustion", Finding.severityOf(impact), impact,
                String.format(Locale.ROOT, "pool exhaustion: %d connections for a load that keeps %.1f busy", run.poolSize(), offered),
                evidence, String.format(Locale.ROOT, "%.0f%% of response time is queueing for a connection", waitShare),
                fix, Map.of("pool_size", run.poolSize(), "recommended_pool_size", recommended,
                        "saturation_pct", pool.saturationPct(), "pool_wait_share_pct", waitShare,
                        "busy_connections_mean", busy, "offered_connections", offered, "hold_ms", hold * 1000,
                        "pool_timeouts", timeouts)));
    }

    private static double meanUsers(RunResult run) {
        return run.timeSeries().stream().filter(p -> p.users() > 0).mapToInt(p -> p.users()).average()
                .orElse(run.config().users());
    }

    private static double maxUsers(RunResult run) {
        return run.timeSeries().stream().mapToInt(p -> p.users()).max().orElse(run.config().users());
    }

    private static Integer maxConnections(RunResult run) {
        if (run.observation() == null || run.observation().facts() == null) {
            return null;
        }
        String v = run.observation().facts().settings().get("max_connections");
        try {
            return v == null ? null : Integer.valueOf(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static boolean isLocal(RunResult run) {
        return ConnectionInfo.isLocal(run.database());
    }

    private static java.util.Optional<Finding> lockContention(RunSummary s, Observation o) {
        WaitSummary w = o.waits();
        if (w == null || w.samples() == 0) {
            return java.util.Optional.empty();
        }
        double lockShare = w.sharePct("Lock");
        long deadlocks = o.delta() != null && o.delta().counters() != null ? o.delta().counters().deadlocks() : 0;
        if (lockShare < 5 && deadlocks == 0) {
            return java.util.Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        String lockEvents = w.waitEvents().entrySet().stream().filter(e -> e.getKey().startsWith("Lock:"))
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
        evidence.add(String.format(Locale.ROOT, "%.0f%% of %d busy backend samples were waiting on a lock (%s)", lockShare,
                w.busyBackendSamples(), lockEvents.isEmpty() ? "none sampled" : lockEvents));
        evidence.add(String.format(Locale.ROOT, "lock requests were waiting in %d of %d samples, up to %d at once",
                w.samplesWithLockWaits(), w.samples(), w.maxLocksNotGranted()));
        if (!w.lockWaitsByOperation().isEmpty()) {
            evidence.add("waiting statements by operation: " + w.lockWaitsByOperation().entrySet().stream()
                    .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        }
        if (deadlocks > 0) {
            evidence.add(deadlocks + " deadlocks in pg_stat_database over the run");
        }
        double dbShare = 100 - s.poolWaitShare();
        double impact = lockShare * dbShare / 100.0;
        String ops = w.lockWaitsByOperation().keySet().stream().limit(3).collect(Collectors.joining(", "));
        return java.util.Optional.of(new Finding("lock_contention", Finding.severityOf(impact), impact,
                String.format(Locale.ROOT, "lock contention: %.0f%% of database time waits on locks", lockShare), evidence,
                String.format(Locale.ROOT, "about %.0f%% of response time is spent waiting for other transactions' locks", impact),
                "shorten the transactions that hold these row locks" + (ops.isEmpty() ? "" : " (" + ops + ")")
                        + ": commit sooner, update hot rows in one consistent order, and keep user think time outside transactions",
                Map.of("lock_share_pct", lockShare, "samples_with_lock_waits", w.samplesWithLockWaits(),
                        "locks_not_granted_peak", w.maxLocksNotGranted(), "deadlocks", deadlocks)));
    }

    private static List<Finding> missingIndexes(RunResult run, RunSummary s, Observation o) {
        List<Finding> found = new ArrayList<>();
        Map<String, TableStat> tables = new LinkedHashMap<>();
        if (o.delta() != null) {
            o.delta().tables().forEach(t -> tables.put(t.table(), t));
        }
        List<StatementStat> statements = o.delta() == null || o.delta().statements() == null ? List.of() : o.delta().statements();
        double statementTime = statements.stream().mapToDouble(StatementStat::totalMs).sum();
        double responseTime = run.operations().stream().mapToDouble(op -> RunSummary.meanMs(op.total()) * op.succeeded()).sum();
        Map<String, PlanInspector.SeqScan> byTarget = new LinkedHashMap<>();
        for (PlanInspector.SeqScan scan : o.seqScans()) {
            byTarget.putIfAbsent(scan.table() + "(" + String.join(",", scan.columns()) + ")", scan);
        }
        for (PlanInspector.SeqScan scan : byTarget.values()) {
            TableStat t = tables.get(scan.table());
            if (t != null && t.seqScans() == 0) {
                continue;
            }
            List<String> evidence = new ArrayList<>();
            evidence.add(scan.forOrder()
                    ? String.format(Locale.ROOT, "%s's plan reads and sorts all of %s (about %,d rows) to return %,d: %s",
                            scan.operation(), scan.table(), scan.tableRows(), scan.estimatedRows(), scan.filter())
                    : String.format(Locale.ROOT, "%s's plan reads all of %s (about %,d rows) by sequential scan to keep "
                            + "about %,d: Filter %s", scan.operation(), scan.table(), scan.tableRows(), scan.estimatedRows(),
                            scan.filter()));
            if (t != null) {
                evidence.add(String.format(Locale.ROOT, "during the run: %,d sequential scans of %s read %,d rows (%,.0f per scan)",
                        t.seqScans(), scan.table(), t.seqRowsRead(), t.rowsPerSeqScan()));
            }
            double impact;
            String shape = StatementCatalog.shape(scan.sql());
            StatementStat st = statements.stream().filter(x -> x.query() != null && StatementCatalog.shape(x.query()).equals(shape))
                    .findFirst().orElse(null);
            if (st != null && statementTime > 0) {
                impact = 100.0 * st.totalMs() / statementTime;
                evidence.add(String.format(Locale.ROOT, "that statement ran %,d times for %,.1f ms in all (mean %.2f ms): %.0f%% of "
                        + "the database time of all statements (pg_stat_statements)", st.calls(), st.totalMs(), st.meanMs(), impact));
            } else {
                OperationMetrics.Summary op = run.operations().stream().filter(x -> x.name().equals(scan.operation()))
                        .findFirst().orElse(null);
                impact = op == null || responseTime == 0 ? 0 : 100.0 * RunSummary.meanMs(op.total()) * op.succeeded() / responseTime;
                if (op != null) {
                    evidence.add(String.format(Locale.ROOT, "%s ran %,d times, mean %.2f ms: %.0f%% of all response time",
                            scan.operation(), op.succeeded(), RunSummary.meanMs(op.total()), impact));
                }
            }
            String columns = String.join(", ", scan.columns());
            String fix = "CREATE INDEX CONCURRENTLY ON " + scan.table() + " (" + columns + ")";
            if (scan.usesLike()) {
                fix += "; LIKE 'prefix%' uses a btree only with text_pattern_ops/varchar_pattern_ops on that column"
                        + " unless the database collation is C";
            }
            found.add(new Finding("missing_index", Finding.severityOf(impact), impact,
                    "missing index: " + scan.table() + " (" + columns + ") for " + scan.operation(), evidence,
                    String.format(Locale.ROOT, "%s reads %,d rows to return about %,d; its cost grows with the table",
                            scan.operation(), scan.tableRows(), scan.estimatedRows()), fix,
                    Map.of("operation", scan.operation(), "table", scan.table(), "columns", scan.columns(),
                            "table_rows", scan.tableRows(), "estimated_rows", scan.estimatedRows(),
                            "seq_scans", t == null ? 0 : t.seqScans(), "seq_rows_read", t == null ? 0 : t.seqRowsRead())));
        }
        return found;
    }

    private static java.util.Optional<Finding> lowCacheHit(Observation o) {
        DatabaseCounters d = o.delta().counters();
        double hit = d.cacheHitPct();
        if (Double.isNaN(hit) || hit >= MIN_CACHE_HIT_PCT || d.blocksRead() < MIN_BLOCKS_READ) {
            return java.util.Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "buffer cache hit ratio %.2f%%: %,d blocks (%s) read from outside shared buffers, "
                + "%,d hits", hit, d.blocksRead(), Bytes.format(d.blocksRead() * 8192), d.blocksHit()));
        String sharedBuffers = o.facts() == null ? null : o.facts().settings().get("shared_buffers");
        if (o.facts() != null) {
            evidence.add("data and indexes take " + Bytes.format(o.facts().dataBytes()) + "; shared_buffers is " + sharedBuffers);
        }
        if (o.delta().statements() != null) {
            o.delta().statements().stream().sorted(Comparator.comparingLong(StatementStat::sharedBlocksRead).reversed())
                    .filter(st -> st.sharedBlocksRead() > 0).limit(2).forEach(st -> evidence.add(String.format(Locale.ROOT,
                            "%s read %,d blocks (hit ratio %.1f%%)", label(st), st.sharedBlocksRead(), st.cacheHitPct())));
        }
        double impact = 100 - hit;
        return java.util.Optional.of(new Finding("low_cache_hit", Finding.severityOf(impact), impact,
                String.format(Locale.ROOT, "low cache hit ratio: %.2f%%", hit), evidence,
                String.format(Locale.ROOT, "%.1f%% of block reads went to the operating system or disk", 100 - hit),
                "give PostgreSQL memory for the working set (shared_buffers, typically a quarter of RAM) or read less: "
                        + "the statements above and any missing-index finding first; a first run after a seed also reads cold",
                Map.of("cache_hit_pct", hit, "blocks_read", d.blocksRead(), "blocks_hit", d.blocksHit())));
    }

    private static java.util.Optional<Finding> tempSpills(Observation o) {
        DatabaseCounters d = o.delta().counters();
        if (d.tempFiles() == 0) {
            return java.util.Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "%,d temporary files, %s written (pg_stat_database)", d.tempFiles(),
                Bytes.format(d.tempBytes())));
        double impact = 5;
        if (o.delta().statements() != null) {
            List<StatementStat> spilling = o.delta().statements().stream().filter(st -> st.tempBlocksWritten() > 0)
                    .sorted(Comparator.comparingLong(StatementStat::tempBlocksWritten).reversed()).toList();
            double all = o.delta().statements().stream().mapToDouble(StatementStat::totalMs).sum();
            double spillTime = spilling.stream().mapToDouble(StatementStat::totalMs).sum();
            impact = all == 0 ? impact : Math.max(1, 100.0 * spillTime / all);
            spilling.stream().limit(3).forEach(st -> evidence.add(String.format(Locale.ROOT,
                    "%s wrote %s to temp files over %,d calls (%s per call)", label(st), Bytes.format(st.tempBlocksWritten() * 8192),
                    st.calls(), Bytes.format(st.tempBlocksWritten() * 8192 / Math.max(1, st.calls())))));
        }
        String workMem = o.facts() == null ? "?" : o.facts().settings().get("work_mem");
        return java.util.Optional.of(new Finding("temp_spills", Finding.severityOf(impact), impact,
                "temp-file spills: sorts or hashes did not fit in work_mem (" + workMem + ")", evidence,
                String.format(Locale.ROOT, "statements that spill took about %.0f%% of statement time", impact),
                "raise work_mem above the per-call spill for the role or the statements that spill (ALTER ROLE ... SET work_mem), "
                        + "or give them an index that returns rows already sorted",
                Map.of("temp_files", d.tempFiles(), "temp_bytes", d.tempBytes(), "work_mem", workMem)));
    }

    private static List<Finding> errors(RunResult run, RunSummary s) {
        List<Finding> found = new ArrayList<>();
        for (ErrorClass e : ErrorClass.values()) {
            long n = s.failuresByClass()[e.ordinal()];
            if (n == 0) {
                continue;
            }
            double rate = 100.0 * n / Math.max(1, s.operations());
            String ops = run.operations().stream().filter(op -> op.failuresByClass()[e.ordinal()] > 0)
                    .sorted(Comparator.comparingLong((OperationMetrics.Summary op) -> op.failuresByClass()[e.ordinal()]).reversed())
                    .limit(3).map(op -> op.name() + " " + op.failuresByClass()[e.ordinal()]).collect(Collectors.joining(", "));
            double impact = Math.min(100, rate * 10);
            found.add(new Finding("errors_" + e.label(), Finding.severityOf(impact), impact,
                    String.format(Locale.ROOT, "errors: %,d %s (%.2f%% of operations)", n, e.label(), rate),
                    evidence(String.format(Locale.ROOT, "%,d of %,d operations failed with %s", n, s.operations(), e.label()),
                            "by operation: " + ops, run.firstErrors().get(e.label())),
                    String.format(Locale.ROOT, "%.2f%% of user actions fail", rate), errorFix(e),
                    Map.of("errors", n, "error_rate_pct", rate)));
        }
        return found;
    }

    private static List<String> evidence(String count, String byOperation, String firstMessage) {
        return firstMessage == null ? List.of(count, byOperation) : List.of(count, byOperation, "the first: " + firstMessage);
    }

    private static String errorFix(ErrorClass e) {
        return switch (e) {
            case POOL_TIMEOUT -> "operations gave up waiting for a connection: see the pool finding; raise --pool-size or "
                    + "--connection-timeout, or lower the load";
            case CONNECTION_LOST -> "connections broke during the run: check the server log, max_connections, and idle or "
                    + "network timeouts between dbsim and PostgreSQL";
            case CONNECTION_REFUSED -> "the pool could not open connections (server down, restarting, or at max_connections): "
                    + "see the outages section and the server log; an application retries these (--retry-connection-loss 3 "
                    + "measures that)";
            case DEADLOCK -> "transactions took row locks in opposite orders: take them in one order; an application retries "
                    + "these (--max-tries 3 measures that)";
            case SERIALIZATION_FAILURE -> "concurrent transactions conflicted under REPEATABLE READ or SERIALIZABLE: retry "
                    + "them (--max-tries 3) and keep those transactions short";
            case UNIQUE_VIOLATION -> "the workload inserted keys that already existed: check the seed and keys of the inserting "
                    + "operations";
            case STATEMENT_TIMEOUT -> "statements ran past statement_timeout: see the slow statements and any missing index";
            case OTHER -> "errors dbsim does not classify: the first one's message is above; the server log has the rest";
        };
    }

    private static java.util.Optional<Finding> loadGenerator(RunResult run, PoolUse pool) {
        double lateP99 = RunSummary.ms(run.wakeUpLateness(), 99);
        double thinkMs = run.config().thinkTime().toMillis();
        boolean lateUsers = run.wakeUpLateness().getTotalCount() > 0 && lateP99 > Math.max(10, 0.1 * thinkMs);
        boolean busyCpu = pool.meanSimulatorCpuPct() >= 80;
        boolean sharedHostFull = pool.meanHostCpuPct() >= 90 && pool.meanSimulatorCpuPct() >= 30;
        if (!busyCpu && !sharedHostFull && !lateUsers) {
            return java.util.Optional.empty();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        List<String> evidence = new ArrayList<>();
        evidence.add(String.format(Locale.ROOT, "the simulator used %.0f%% of %d cores on average (peak %.0f%%); the host's CPU "
                + "averaged %.0f%%", pool.meanSimulatorCpuPct(), cores, pool.peakSimulatorCpuPct(), pool.meanHostCpuPct()));
        if (run.wakeUpLateness().getTotalCount() > 0) {
            evidence.add(String.format(Locale.ROOT, "users woke up late after think time by p99 %.1f ms (max %.1f ms)", lateP99,
                    RunSummary.maxMs(run.wakeUpLateness())));
        }
        if (isLocal(run)) {
            evidence.add("PostgreSQL at " + run.database() + " runs on the same host and competes for the same cores");
        }
        double impact = Math.max(pool.meanSimulatorCpuPct(), lateUsers ? 10 : 0);
        return java.util.Optional.of(new Finding("load_generator", Finding.severityOf(impact), impact,
                String.format(Locale.ROOT, "the load generator itself is saturated: %.0f%% CPU", pool.meanSimulatorCpuPct()),
                evidence, "part of the measured latency is the simulator's own queueing, not the database's",
                "run dbsim on a different machine than PostgreSQL, or with fewer users per process, before reading these "
                        + "latencies as the database's",
                Map.of("simulator_cpu_mean_pct", pool.meanSimulatorCpuPct(), "host_cpu_mean_pct", pool.meanHostCpuPct(),
                        "wake_up_lateness_p99_ms", lateP99)));
    }

    static String label(StatementStat st) {
        if (st.operation() != null) {
            return st.operation();
        }
        return st.query() == null ? "?" : Text.oneLine(st.query(), 40);
    }
}
