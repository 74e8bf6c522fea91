package io.dbsim.analysis;

import io.dbsim.analysis.RunReport.Activity;
import io.dbsim.analysis.RunReport.CommandRow;
import io.dbsim.analysis.RunReport.LatencyLimit;
import io.dbsim.analysis.RunReport.Config;
import io.dbsim.analysis.RunReport.Database;
import io.dbsim.analysis.RunReport.DbPoint;
import io.dbsim.analysis.RunReport.DistributionPoint;
import io.dbsim.analysis.RunReport.FairnessRow;
import io.dbsim.analysis.RunReport.FindingRow;
import io.dbsim.analysis.RunReport.FlowRow;
import io.dbsim.analysis.RunReport.IndexActivity;
import io.dbsim.analysis.RunReport.Latency;
import io.dbsim.analysis.RunReport.Line;
import io.dbsim.analysis.RunReport.OperationIntervals;
import io.dbsim.analysis.RunReport.OperationRow;
import io.dbsim.analysis.RunReport.OutagesSection;
import io.dbsim.analysis.RunReport.Point;
import io.dbsim.analysis.RunReport.SeqScanRow;
import io.dbsim.analysis.RunReport.StageRow;
import io.dbsim.analysis.RunReport.StatementIntervals;
import io.dbsim.analysis.RunReport.StatementRow;
import io.dbsim.analysis.RunReport.TableActivity;
import io.dbsim.analysis.RunReport.TableSize;
import io.dbsim.analysis.RunReport.ThresholdRow;
import io.dbsim.analysis.RunReport.WaitEvents;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.Fairness;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.ThreadChoice;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.Observation;
import io.dbsim.observe.ServerFacts;
import io.dbsim.observe.StatementStat;
import io.dbsim.observe.StatementTick;
import io.dbsim.observe.WaitSummary;
import io.dbsim.settings.QueryMode;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.ThreadModel;
import io.dbsim.settings.Threshold;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static io.dbsim.analysis.Round.milli;
import static io.dbsim.analysis.Round.milliOrNull;

/**
 * Turns what a run measured into its {@link RunReport}, once: the summary is derived once from the
 * per-operation histograms, the pool's use once from the samples, and every analysis (findings, spike,
 * trends, thresholds, assessment) runs once on them.
 */
public final class RunReports {

    private static final double[] DISTRIBUTION = {0, 10, 25, 50, 75, 90, 95, 97.5, 99, 99.5, 99.9, 99.95, 99.99, 100};

    private RunReports() {
    }

    /**
     * @param thresholds the run's thresholds (none: no verdict)
     * @param estimate   a capacity estimate to carry, or null
     */
    public static RunReport of(RunResult run, List<Threshold> thresholds, CapacityPlan estimate) {
        return of(run, thresholds, estimate, null);
    }

    /** @param abortedBy the abortOnFail threshold that stopped the run, as {@link LiveThresholds#stoppedBy} says it, or null */
    public static RunReport of(RunResult run, List<Threshold> thresholds, CapacityPlan estimate, String abortedBy) {
        RunSummary s = RunSummary.of(run);
        PoolUse pool = PoolUse.of(run);
        List<Finding> findings = Bottlenecks.of(run, s, pool);
        Optional<SpikeRecovery> spike = SpikeRecovery.of(run);
        Optional<Trends> trends = Trends.of(run);
        Outages outages = Outages.of(run);
        OutagesSection lived = OutageRows.section(run, outages);
        Verdict verdict = thresholds.isEmpty() ? null : Verdict.of(run, s, outages, thresholds);
        List<String> notes = new ArrayList<>(run.observation() == null ? List.of() : run.observation().notes());
        notes.addAll(OutageRows.notes(lived));
        List<String> assessment = new ArrayList<>(Assessment.of(run, s, findings, spike, trends));
        assessment.addAll(OutageRows.assessment(lived));
        return new RunReport(RunReport.SCHEMA_VERSION, "dbsim", run.startedAt().toString(), milli(run.elapsed().toMillis() / 1000.0),
                milli(run.measured().toMillis() / 1000.0), run.interrupted(), config(run.config()), database(run),
                run.usersByPattern(), summary(run, s), operations(run, s), flows(run), pool(run, pool), simulator(run),
                run.droppedArrivals(), series(run), statements(run), findings(findings), List.copyOf(notes),
                spike.map(RunReports::spike).orElse(null), trends.map(RunReports::trends).orElse(null), List.copyOf(assessment),
                verdict == null ? null : thresholds(verdict), verdict == null ? null : verdict.go() && abortedBy == null ? "GO" : "NO-GO",
                estimate == null ? null : CapacitySection.of(estimate), lived, commands(run), abortedBy);
    }

    public static Latency latency(Histogram h) {
        return new Latency(milli(RunSummary.meanMs(h)), milli(RunSummary.ms(h, 50)), milli(RunSummary.ms(h, 90)),
                milli(RunSummary.ms(h, 95)), milli(RunSummary.ms(h, 99)), milli(RunSummary.minMs(h)), milli(RunSummary.maxMs(h)));
    }

    static Config config(RunSettings c) {
        return new Config(c.pattern(), c.openModel() ? "open" : "closed", c.users(), c.opsPerUser(),
                c.plannedDuration() == null ? null : c.plannedDuration().toMillis() / 1000.0, c.thinkTime().toMillis(),
                c.rampUp().toMillis() / 1000.0, c.warmUp().toMillis() / 1000.0,
                c.stages().stream().map(st -> new StageRow(st.duration().toMillis() / 1000.0, st.target())).toList(),
                c.ratePerSecond(), c.maxUsers(), c.maxTries(), c.seed(), c.poolSize(), c.poolMinIdle(),
                c.connectionTimeout().toMillis(), c.poolProperties(), c.poolQueue().name().toLowerCase(Locale.ROOT),
                c.statementTimeout() == null ? null : c.statementTimeout().toMillis(), c.retryConnectionLoss(),
                c.queryMode() == null ? QueryMode.DRIVER_DEFAULT : c.queryMode().name().toLowerCase(Locale.ROOT),
                c.latencyLimit() == null ? null : milli(c.latencyLimit().toNanos() / 1e6),
                c.threads().name().toLowerCase(Locale.ROOT));
    }

    private static RunReport.Summary summary(RunResult run, RunSummary s) {
        List<DistributionPoint> distribution = new ArrayList<>();
        if (s.total().getTotalCount() > 0) {
            for (double p : DISTRIBUTION) {
                distribution.add(new DistributionPoint(p, milli(p == 0 ? RunSummary.minMs(s.total()) : RunSummary.ms(s.total(), p))));
            }
        }
        return new RunReport.Summary(s.operations(), s.succeeded(), s.failed(), s.retries(), milli(s.successRate()),
                milli(s.errorRate()), milli(s.throughput()), latency(s.total()), latency(s.poolWait()), latency(s.database()),
                milli(s.poolWaitShare()), errors(s.failuresByClass()), List.copyOf(distribution), errors(s.retriesByClass()),
                latencyLimit(run, s), run.firstErrors());
    }

    /** pgbench's late (of the successes) and, with --rate, skipped (of all that came due) over the measured part. */
    private static LatencyLimit latencyLimit(RunResult run, RunSummary s) {
        if (run.config().latencyLimit() == null) {
            return null;
        }
        long late = run.operations().stream().mapToLong(OperationMetrics.Summary::late).sum();
        Long skipped = run.config().openModel() ? run.skippedArrivals() : null;
        Double skippedPct = skipped == null ? null : milli(100.0 * skipped / Math.max(1, s.operations() + skipped));
        return new LatencyLimit(milli(run.config().latencyLimit().toNanos() / 1e6), late,
                milli(100.0 * late / Math.max(1, s.succeeded())), skipped, skippedPct);
    }

    private static List<CommandRow> commands(RunResult run) {
        if (!run.config().commandLatencies()) {
            return null;
        }
        return run.commands().stream().map(c -> new CommandRow(c.operation(), c.index(), c.command().line(), c.command().sql(),
                c.command().text(), c.latencyNanos().getTotalCount(), c.failed(), nanosLatency(c.latencyNanos()))).toList();
    }

    /** A latency summary in milliseconds from a histogram of nanoseconds. */
    private static Latency nanosLatency(Histogram h) {
        if (h.getTotalCount() == 0) {
            return new Latency(0, 0, 0, 0, 0, 0, 0);
        }
        return new Latency(milli(h.getMean() / 1e6), milli(h.getValueAtPercentile(50) / 1e6), milli(h.getValueAtPercentile(90) / 1e6),
                milli(h.getValueAtPercentile(95) / 1e6), milli(h.getValueAtPercentile(99) / 1e6), milli(h.getMinValue() / 1e6),
                milli(h.getMaxValue() / 1e6));
    }

    private static List<OperationRow> operations(RunResult run, RunSummary s) {
        List<OperationRow> rows = new ArrayList<>();
        for (OperationMetrics.Summary op : run.operations()) {
            rows.add(new OperationRow(op.name(), op.count(), op.succeeded(), op.failed(), op.retries(),
                    milli(100.0 * op.count() / Math.max(1, s.operations())), latency(op.total()), latency(op.poolWait()),
                    latency(op.database()), latency(op.failedLatency()), errors(op.failuresByClass()),
                    intervals(run.timeSeries(), op.name()), errors(op.retriesByClass()), run.config().latencyLimit() == null ? null : op.late()));
        }
        return List.copyOf(rows);
    }

    /** The operation's figures per time-series point, as columns aligned with the series; null when it has none. */
    private static OperationIntervals intervals(List<TimePoint> series, String name) {
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
            mean[t] = milli(tick.meanMs());
            p50[t] = milli(tick.p50Ms());
            p95[t] = milli(tick.p95Ms());
            p99[t] = milli(tick.p99Ms());
            wait[t] = milli(tick.poolWaitMeanMs());
        }
        return new OperationIntervals(ok, failed, mean, p50, p95, p99, wait);
    }

    private static List<FlowRow> flows(RunResult run) {
        return run.flows().stream().map(f -> new FlowRow(f.name(), f.steps(), f.journeys().count(), f.journeys().succeeded(),
                f.journeys().failed(), latency(f.journeys().total()), latency(f.journeys().poolWait()),
                errors(f.journeys().failuresByClass()))).toList();
    }

    private static RunReport.Pool pool(RunResult run, PoolUse use) {
        Observation o = run.observation();
        boolean hikari = o != null && o.hikari() != null;
        Fairness f = run.fairness();
        FairnessRow fairness = new FairnessRow(f.users(), f.minOps(), f.medianOps(), f.maxOps(), milli(f.jainIndex()),
                f.starvedUsers(), milli(f.worstWaitMs()));
        return new RunReport.Pool(run.poolSize(), run.config().poolQueue().name().toLowerCase(Locale.ROOT), use.samples(),
                milli(use.saturationPct()), use.peakWaiting(), milli(use.meanWaiting()), milli(use.meanBusy()),
                milli(use.utilisationPct()), hikari ? latency(o.hikari().acquire()) : null, hikari ? latency(o.hikari().usage()) : null,
                hikari ? o.hikari().connectionCreation().getTotalCount() : null,
                hikari ? latency(o.hikari().connectionCreation()) : null, hikari ? o.hikari().timeouts() : null,
                milli(use.meanSimulatorCpuPct()), milli(use.peakSimulatorCpuPct()), milli(use.meanHostCpuPct()), fairness);
    }

    private static RunReport.Simulator simulator(RunResult run) {
        return new RunReport.Simulator(latency(run.wakeUpLateness()), milli(run.peakHeapMb()),
                milli(Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0)), Runtime.getRuntime().availableProcessors(),
                threads(run.threads()));
    }

    private static RunReport.Threads threads(ThreadChoice choice) {
        return choice == null ? null : new RunReport.Threads(choice.model().name().toLowerCase(Locale.ROOT),
                choice.model() == ThreadModel.VIRTUAL ? choice.carriers() : null, choice.reason());
    }

    private static List<Point> series(RunResult run) {
        List<Point> points = new ArrayList<>();
        for (TimePoint p : run.timeSeries()) {
            points.add(new Point(milli(p.elapsedSeconds()), p.operations(), p.errors(), milli(p.opsPerSecond()), milli(p.p50Ms()),
                    milli(p.p95Ms()), milli(p.p99Ms()), p.users(), p.poolBusy(), p.poolIdle(), p.poolWaiting(),
                    milli(p.heapUsedMb()), milli(p.host().heapAfterGcMb()), milli(p.host().simulatorCpuPct()),
                    milli(p.host().hostCpuPct()), db(p.database()), milli(p.warmUpOpsPerSecond()),
                    run.startedAt().toEpochMilli() + Math.round(p.elapsedSeconds() * 1000)));
        }
        return List.copyOf(points);
    }

    private static DbPoint db(DatabasePoint p) {
        return p == null ? null : new DbPoint(p.backends(), p.active(), p.idleInTransaction(), p.locksNotGranted(),
                milli(p.commitsPerSec()), milli(p.rollbacksPerSec()), milliOrNull(p.cacheHitPct()), p.tempBytes(), p.deadlocks(),
                p.waitEvents());
    }

    private static Database database(RunResult run) {
        Observation o = run.observation();
        if (o == null) {
            return new Database(run.database(), run.serverVersion(), null, null, null, null, null, null, null, null, null, null,
                    null, null, from(run));
        }
        ServerFacts f = o.facts();
        DatabaseCounters d = o.delta() == null ? null : o.delta().counters();
        Activity activity = d == null ? null : new Activity(d.commits(), d.rollbacks(), d.blocksRead(), d.blocksHit(),
                milliOrNull(d.cacheHitPct()), d.tempFiles(), d.tempBytes(), d.deadlocks(), d.conflicts());
        WaitSummary w = o.waits();
        WaitEvents waits = w == null ? null : new WaitEvents(w.samples(), w.busyBackendSamples(), w.waitEvents(),
                milli(w.sharePct("Lock")), w.samplesWithLockWaits(), w.maxLocksNotGranted(), w.lockWaitsByOperation());
        List<TableActivity> tables = o.delta() == null ? null : o.delta().tables().stream().map(t -> new TableActivity(t.table(),
                t.seqScans(), t.seqRowsRead(), t.indexScans(), t.inserts(), t.updates(), t.hotUpdates(), t.deletes(), t.liveRows(),
                t.deadRows(), t.sizeBytes(), t.liveRowsAtStart())).toList();
        List<IndexActivity> indexes = o.delta() == null ? null : o.delta().indexes().stream().map(i -> new IndexActivity(i.table(),
                i.index(), i.scans(), i.sizeBytes(), i.unique())).toList();
        List<String> unused = tables == null ? null : unusedIndexes(tables, indexes);
        List<SeqScanRow> scans = o.seqScans().stream().map(s -> new SeqScanRow(s.operation(), s.table(), s.columns(), s.filter(),
                s.estimatedRows(), s.tableRows())).toList();
        return new Database(run.database(), run.serverVersion(), f == null ? null : f.settings(), f == null ? null : f.dataBytes(),
                f == null ? null : f.databaseBytes(),
                f == null ? null : f.tables().stream().map(t -> new TableSize(t.table(), t.rows(), t.bytes())).toList(),
                o.statementsAvailable(), activity, waits, tables, indexes, unused, scans, f == null ? null : f.version(), from(run));
    }

    private static String from(RunResult run) {
        return run.connectionSource() == null || run.connectionSource().isEmpty() ? null : run.connectionSource();
    }

    /** Non-unique indexes the run never read while it paid for keeping them up to date. */
    private static List<String> unusedIndexes(List<TableActivity> tables, List<IndexActivity> indexes) {
        Map<String, TableActivity> byName = new LinkedHashMap<>();
        tables.forEach(t -> byName.putIfAbsent(t.table(), t));
        return indexes.stream().filter(i -> !i.unique() && i.scans() == 0).filter(i -> {
            TableActivity t = byName.get(i.table());
            return t != null && t.inserts() + t.updates() + t.deletes() > 0;
        }).map(IndexActivity::index).toList();
    }

    private static List<StatementRow> statements(RunResult run) {
        Observation o = run.observation();
        if (o == null || o.delta() == null || o.delta().statements() == null) {
            return null;
        }
        List<StatementRow> rows = new ArrayList<>();
        for (StatementStat st : o.delta().statements()) {
            rows.add(new StatementRow(st.operation(), st.queryId(), st.query(), st.calls(), milli(st.totalMs()), milli(st.meanMs()),
                    st.rows(), st.sharedBlocksHit(), st.sharedBlocksRead(), st.tempBlocksRead(), st.tempBlocksWritten(),
                    statementIntervals(run.timeSeries(), st.queryId())));
        }
        return List.copyOf(rows);
    }

    /** Calls and execution time per time-series point, as columns aligned with the series. */
    private static StatementIntervals statementIntervals(List<TimePoint> series, long queryId) {
        long[] calls = new long[series.size()];
        double[] total = new double[series.size()];
        for (int t = 0; t < series.size(); t++) {
            DatabasePoint db = series.get(t).database();
            StatementTick tick = db == null ? null : db.statements().get(queryId);
            if (tick != null) {
                calls[t] = tick.calls();
                total[t] = milli(tick.totalMs());
            }
        }
        return new StatementIntervals(calls, total);
    }

    private static List<FindingRow> findings(List<Finding> findings) {
        List<FindingRow> rows = new ArrayList<>();
        int rank = 1;
        for (Finding f : findings) {
            Map<String, Object> figures = new TreeMap<>();
            f.figures().forEach((k, v) -> figures.put(k, v instanceof Double d ? milli(d) : v));
            rows.add(new FindingRow(rank++, f.kind(), f.severity().name().toLowerCase(Locale.ROOT), milli(f.impactPct()), f.title(),
                    f.evidence(), f.impact(), f.fix(), figures));
        }
        return List.copyOf(rows);
    }

    private static RunReport.Spike spike(SpikeRecovery sp) {
        return new RunReport.Spike(milli(sp.baselineP95Ms()), sp.baselineFromS(), sp.baselineToS(), sp.baselineUsers(),
                sp.spikeUsers(), milli(sp.spikeP95Ms()), sp.dropAtS(), sp.recoveredAtS(),
                sp.recoverySeconds() == null ? null : milli(sp.recoverySeconds()));
    }

    private static RunReport.TrendsRow trends(Trends tr) {
        return new RunReport.TrendsRow(milli(tr.measuredSeconds()), line(tr.heap()), line(tr.backends()), line(tr.p95()),
                measuredLine(tr.mean()), measuredLine(tr.databaseMs()), measuredLine(tr.poolWait()), tr.leakSuspected(), tr.latencyDrift(),
                tr.driftCause().map(c -> new RunReport.DriftCause(milli(c.meanRiseMs()),
                        Double.isNaN(c.databaseShare()) ? null : milli(c.databaseShare()), milli(c.poolShare()),
                        milli(c.restShare()), c.dominant())).orElse(null));
    }

    private static Line measuredLine(Trends.Line l) {
        return l.measured() ? line(l) : null;
    }

    private static Line line(Trends.Line l) {
        return new Line(milli(l.start()), milli(l.end()), milli(l.perHour()), milli(l.growthPct()),
                Double.isNaN(l.pValue()) ? null : l.pValue());
    }

    private static List<ThresholdRow> thresholds(Verdict verdict) {
        List<ThresholdRow> rows = new ArrayList<>();
        for (Verdict.Result r : verdict.results()) {
            Threshold t = r.threshold();
            rows.add(new ThresholdRow(t.expression(), t.operation(),
                    t.part() == null || t.part().equals("total") ? t.stat() : t.part() + "." + t.stat(), t.comparator(), t.limit(),
                    r.measuredAtAll() ? milli(r.measured()) : null, t.unit(), r.passed()));
        }
        return List.copyOf(rows);
    }

    /** Counts by error class, every class in order (0 when none). */
    static Map<String, Long> errors(long[] byClass) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            m.put(e.label(), byClass[e.ordinal()]);
        }
        return m;
    }
}
