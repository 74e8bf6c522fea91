package io.dbsim.report;

import io.dbsim.analysis.Assessment;
import io.dbsim.analysis.Bottlenecks;
import io.dbsim.analysis.Finding;
import io.dbsim.analysis.RunSummary;
import io.dbsim.analysis.SpikeRecovery;
import io.dbsim.analysis.Trends;
import io.dbsim.analysis.Verdict;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunConfig;
import org.HdrHistogram.Histogram;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The end-of-run report on the console: what a DBA's load test report holds, in plain text. */
public final class ConsoleReport {

    private ConsoleReport() {
    }

    public static void print(PrintWriter out, RunResult run) {
        RunSummary s = RunSummary.of(run);
        RunConfig c = run.config();
        String rule = "=".repeat(78);
        out.println();
        out.println(rule);
        out.println("dbsim run report" + (run.interrupted() ? "  (interrupted: what was measured until the stop)" : ""));
        out.println(rule);
        out.println("configuration");
        out.printf(Locale.ROOT, "  database            %s (PostgreSQL %s)%n", run.database(), run.serverVersion());
        if (c.openModel()) {
            out.printf(Locale.ROOT, "  arrival rate        %.1f/s for %s (open model, at most %d in flight)%n",
                    c.ratePerSecond(), Durations.format(c.plannedDuration()), c.maxUsers());
        } else if (c.staged()) {
            out.printf(Locale.ROOT, "  stages              %s%n", Durations.stages(c.stages()));
        } else {
            out.printf(Locale.ROOT, "  users               %d, %s%n", c.users(),
                    c.opsPerUser() > 0 ? c.opsPerUser() + " operations each" : "for " + Durations.format(c.duration()));
        }
        out.printf(Locale.ROOT, "  pattern             %s, think time %s, ramp-up %s, warm-up %s%n", c.patternName(),
                Durations.format(c.thinkTime()), Durations.format(c.rampUp()), Durations.format(c.warmUp()));
        out.printf(Locale.ROOT, "  pool                %d connections (min idle %d, timeout %s, %s queue)%n", c.poolSize(),
                c.poolMinIdle(), Durations.format(c.connectionTimeout()), c.poolQueue().name().toLowerCase(Locale.ROOT));
        out.printf(Locale.ROOT, "  duration            %.1f s (measured %.1f s)%n", run.elapsed().toMillis() / 1000.0,
                run.measured().toMillis() / 1000.0);
        if (!c.openModel()) {
            out.println("user patterns");
            int users = run.usersByPattern().values().stream().mapToInt(Integer::intValue).sum();
            for (Map.Entry<String, Integer> e : run.usersByPattern().entrySet()) {
                out.printf(Locale.ROOT, "  %-20s%5d user%s (%.1f%%)%n", e.getKey(), e.getValue(), e.getValue() == 1 ? "" : "s",
                        100.0 * e.getValue() / Math.max(1, users));
            }
        }
        out.println("results");
        out.printf(Locale.ROOT, "  operations          %,d%n", s.operations());
        out.printf(Locale.ROOT, "  succeeded           %,d (%.2f%%)%n", s.succeeded(), s.successRate());
        out.printf(Locale.ROOT, "  failed              %,d (%.2f%%), retries %,d%n", s.failed(), s.errorRate(), s.retries());
        out.printf(Locale.ROOT, "  throughput          %,.1f ops/s%n", s.throughput());
        out.println("response times (ms)     mean      p50      p95      p99      min      max");
        row(out, "  total", s.total());
        row(out, "  pool wait", s.poolWait());
        row(out, "  database", s.database());
        out.println("operations                    count   failed  share    mean     p95     p99   wait p95");
        run.operations().stream().sorted(Comparator.comparing(OperationMetrics.Summary::name)).forEach(op ->
                out.printf(Locale.ROOT, "  %-26s %8d %8d %5.1f%% %7.1f %7.1f %7.1f %9.1f%n", op.name(), op.count(), op.failed(),
                        100.0 * op.count() / Math.max(1, s.operations()), RunSummary.meanMs(op.total()),
                        RunSummary.ms(op.total(), 95), RunSummary.ms(op.total(), 99), RunSummary.ms(op.poolWait(), 95)));
        if (!run.flows().isEmpty()) {
            out.println("flows (a journey's steps' response times summed; think time left out)");
            out.println("  flow                        journeys   failed    mean     p95     p99   wait p95   steps");
            run.flows().forEach(f -> out.printf(Locale.ROOT, "  %-26s %9d %8d %7.1f %7.1f %7.1f %10.1f   %s%n", f.name(),
                    f.journeys().count(), f.journeys().failed(), RunSummary.meanMs(f.journeys().total()),
                    RunSummary.ms(f.journeys().total(), 95), RunSummary.ms(f.journeys().total(), 99),
                    RunSummary.ms(f.journeys().poolWait(), 95), String.join(" > ", f.steps())));
        }
        if (s.failed() > 0) {
            out.println("errors by class");
            for (ErrorClass e : ErrorClass.values()) {
                if (s.failuresByClass()[e.ordinal()] > 0) {
                    out.printf(Locale.ROOT, "  %-26s %8d%n", e.label(), s.failuresByClass()[e.ordinal()]);
                }
            }
        }
        if (run.fairness().users() > 0) {
            var f = run.fairness();
            out.printf(Locale.ROOT, "pool fairness: operations per user min %d, median %d, max %d; Jain index %.3f; "
                    + "longest wait %.1f ms%n", f.minOps(), f.medianOps(), f.maxOps(), f.jainIndex(), f.worstWaitMs());
        }
        out.printf(Locale.ROOT, "simulator: peak heap %.0f MB of %.0f MB; users woke up late by p50 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                run.peakHeapMb(),
                Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0), RunSummary.ms(run.wakeUpLateness(), 50),
                RunSummary.ms(run.wakeUpLateness(), 99), RunSummary.maxMs(run.wakeUpLateness()));
        Optional<SpikeRecovery> spike = SpikeRecovery.of(run);
        Optional<Trends> trends = Trends.of(run);
        spike.ifPresent(sp -> out.printf(Locale.ROOT, "spike: baseline p95 %.1f ms (%d users, %.0f-%.0f s); worst p95 "
                + "under %d users %.1f ms; %s%n", sp.baselineP95Ms(), sp.baselineUsers(), sp.baselineFromS(), sp.baselineToS(),
                sp.spikeUsers(), sp.spikeP95Ms(), sp.recoverySeconds() == null
                        ? String.format(Locale.ROOT, "after the drop at %.0f s, p95 did not come back within 10%% of baseline", sp.dropAtS())
                        : String.format(Locale.ROOT, "after the drop at %.0f s, p95 was back within 10%% of baseline in %.1f s",
                        sp.dropAtS(), sp.recoverySeconds())));
        trends.ifPresent(tr -> out.printf(Locale.ROOT, "trends over %.0f s: heap after GC %.0f -> %.0f MB (%+.1f%%, p %s); "
                        + "backends %.1f -> %.1f; p95 %.1f -> %.1f ms (%+.1f%%); %s%n", tr.measuredSeconds(), tr.heap().start(),
                tr.heap().end(), tr.heap().growthPct(), Double.isNaN(tr.heap().pValue()) ? "-"
                        : String.format(Locale.ROOT, "%.3f", tr.heap().pValue()), tr.backends().start(), tr.backends().end(), tr.p95().start(),
                tr.p95().end(), tr.p95().growthPct(), tr.leakSuspected() ? "LEAK SUSPECTED"
                        : tr.latencyDrift() ? "latency drifts up" : "no leak, no drift"));
        List<Finding> findings = Bottlenecks.of(run);
        ObservationConsole.print(out, run, findings);
        out.println("assessment");
        Assessment.of(run, s, findings, spike, trends).forEach(line -> out.println("  - " + line));
        out.println(rule);
        out.flush();
    }

    /** Each threshold with what was measured, then GO or NO-GO, as a load test report's last lines. */
    public static void printVerdict(PrintWriter out, Verdict verdict) {
        out.println("thresholds");
        for (Verdict.Result r : verdict.results()) {
            out.printf(Locale.ROOT, "  %-36s %-18s %s%n", r.threshold().expression(),
                    r.measuredAtAll() ? r.threshold().format(r.measured()) : "not measured", r.passed() ? "pass" : "FAIL");
        }
        out.println(verdict.go() ? "verdict: GO (every threshold passed)"
                : "verdict: NO-GO (" + verdict.failed() + " of " + verdict.results().size() + " thresholds failed)");
        out.flush();
    }

    private static void row(PrintWriter out, String label, Histogram h) {
        out.printf(Locale.ROOT, "%-20s %8.1f %8.1f %8.1f %8.1f %8.1f %8.1f%n", label, RunSummary.meanMs(h), RunSummary.ms(h, 50),
                RunSummary.ms(h, 95), RunSummary.ms(h, 99), RunSummary.minMs(h), RunSummary.maxMs(h));
    }
}
