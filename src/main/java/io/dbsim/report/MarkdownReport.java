package io.dbsim.report;

import io.dbsim.Text;
import io.dbsim.analysis.BaselineComparison;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.Metric;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The load test report teams fill in by hand, filled in from the run report: executive
 * summary, configuration, response times against their targets, errors, throughput, cache, slowest
 * operations and statements, pool and database utilisation, bottlenecks, a comparison with a
 * baseline run, recommendations and the GO/NO-GO.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    /** @param baseline the comparison with a baseline run, or null */
    public static void write(RunReport run, BaselineComparison baseline, Path file) {
        String md = render(run, baseline);
        AtomicFiles.write(file, "Markdown report", tmp -> Files.writeString(tmp, md, StandardCharsets.UTF_8));
    }

    static String render(RunReport run, BaselineComparison baseline) {
        StringBuilder m = new StringBuilder();
        RunReport.Summary s = run.summary();
        RunReport.Config c = run.config();
        String verdict = run.verdict() == null ? "" : run.verdict();
        List<RunReport.FindingRow> findings = run.bottlenecks();
        m.append("# Load test report\n\n");
        m.append("## Executive summary\n\n");
        m.append(String.format(Locale.ROOT, "- **Verdict: %s**%n", verdict.isEmpty()
                ? "not decided (no thresholds were set; add --threshold to make this a GO/NO-GO decision)" : verdict));
        m.append(String.format(Locale.ROOT, "- %,d operations at %s ops/s; p95 %s ms, p99 %s ms; %s%% failed%n",
                s.operations(), n(s.throughputOpsPerSec(), 1), n(s.latencyMs().p95(), 1), n(s.latencyMs().p99(), 1),
                n2(s.errorRatePct())));
        m.append(findings.isEmpty() ? "- No bottleneck found.\n"
                : "- " + findings.size() + " bottleneck" + (findings.size() == 1 ? "" : "s") + "; the most costly: "
                + findings.get(0).title() + "\n");
        if (run.abortedBy() != null) {
            m.append("- The run was stopped early by a threshold: ").append(run.abortedBy()).append(".\n");
        } else if (run.interrupted()) {
            m.append("- The run was interrupted: the figures cover what ran until the stop.\n");
        }

        m.append("\n## Test configuration\n\n| setting | value |\n|---|---|\n");
        row(m, "database", run.database().target() + " (PostgreSQL " + run.database().serverVersion() + ")");
        row(m, "started", run.startedAt());
        row(m, "pattern", c.pattern());
        row(m, "model", c.model() + (c.staged() ? ", stages " + JsonReport.tree(c.stages()) : ""));
        row(m, "users", Integer.toString(c.users()));
        row(m, "think time", c.thinkTimeMs() + " ms");
        row(m, "pool", c.poolSize() + " connections, " + c.poolQueue() + " queue");
        if (c.retryConnectionLoss() != null && c.retryConnectionLoss() > 0) {
            row(m, "connection loss", "retried up to " + c.retryConnectionLoss() + " times (backoff 100 ms doubling to 5 s, jittered)");
        }
        if (run.simulator().threads() != null) {
            row(m, "threads", Format.threads(run.simulator().threads()));
        }
        row(m, "duration", n(run.elapsedS(), 1) + " s (measured " + n(run.measuredS(), 1) + " s)");

        m.append("\n## Response times\n\n| metric | target | actual | status |\n|---|---|---|---|\n");
        List<RunReport.ThresholdRow> thresholds = run.thresholds() == null ? List.of() : run.thresholds();
        for (String p : List.of("p50", "p95", "p99", "max")) {
            double actual = switch (p) {
                case "p50" -> s.latencyMs().p50();
                case "p95" -> s.latencyMs().p95();
                case "p99" -> s.latencyMs().p99();
                default -> s.latencyMs().max();
            };
            List<RunReport.ThresholdRow> targets = thresholds.stream().filter(x -> x.operation() == null && x.metric().equals(p))
                    .toList();
            if (targets.isEmpty()) {
                m.append("| ").append(p).append(" | - | ").append(n(actual, 2)).append(" ms | - |\n");
            }
            for (RunReport.ThresholdRow t : targets) {
                m.append("| ").append(p).append(" | `").append(t.threshold()).append("` | ")
                        .append(n(actual, 2)).append(" ms | ")
                        .append(t.passed() ? "pass" : "**FAIL**").append(" |\n");
            }
        }
        for (RunReport.ThresholdRow t : thresholds) {
            if (t.operation() != null || !List.of("p50", "p95", "p99", "max").contains(t.metric())) {
                m.append("| ").append(t.operation() == null ? t.metric() : t.operation() + "." + t.metric()).append(" | `")
                        .append(t.threshold()).append("` | ")
                        .append(t.measured() == null ? "not measured" : n(t.measured(), 2) + " " + t.unit())
                        .append(" | ").append(t.passed() ? "pass" : "**FAIL**").append(" |\n");
            }
        }

        List<RunReport.FlowRow> flows = run.flows();
        if (!flows.isEmpty()) {
            m.append("\n## Flows\n\nA journey's time is its steps' response times summed, think time left out; each step's own "
                    + "timings are its operation's row below.\n\n| flow | journeys | failed | mean ms | p95 ms | p99 ms | steps |\n|---|---|---|---|---|---|---|\n");
            for (RunReport.FlowRow f : flows) {
                m.append("| ").append(f.name()).append(" | ").append(f.journeys()).append(" | ")
                        .append(f.failed()).append(" | ").append(n(f.latencyMs().mean(), 1)).append(" | ")
                        .append(n(f.latencyMs().p95(), 1)).append(" | ").append(n(f.latencyMs().p99(), 1))
                        .append(" | ").append(String.join(" > ", f.steps())).append(" |\n");
            }
            m.append("\n| step | operation | count | mean ms | p95 ms |\n|---|---|---|---|---|\n");
            for (RunReport.FlowRow f : flows) {
                int i = 1;
                for (String step : f.steps()) {
                    RunReport.OperationRow op = run.operations().stream().filter(o -> o.name().equals(step)).findFirst().orElse(null);
                    m.append("| ").append(f.name()).append(" ").append(i++).append(" | ").append(step)
                            .append(" | ").append(op == null ? "0" : Long.toString(op.count())).append(" | ")
                            .append(op == null ? "-" : n(op.latencyMs().mean(), 2)).append(" | ")
                            .append(op == null ? "-" : n(op.latencyMs().p95(), 2)).append(" |\n");
                }
            }
        }

        m.append("\n## Errors\n\n");
        if (s.failed() == 0) {
            m.append("No operation failed.\n");
        } else {
            m.append("| class | count |\n|---|---|\n");
            s.errors().forEach((error, count) -> {
                if (count > 0) {
                    m.append("| ").append(error).append(" | ").append(count).append(" |\n");
                }
            });
        }
        if (s.retries() > 0 && s.retriesByClass() != null) {
            m.append("\nRetried, apart from the failures: ").append(Format.classes(s.retriesByClass())).append(".\n");
        }

        List<RunReport.Point> points = run.timeseries().stream().filter(p -> p.tS() > c.warmUpS() && p.users() > 0).toList();
        points = points.size() > 2 ? points.subList(0, points.size() - 1) : points;
        m.append("\n## Throughput\n\n| average | peak | minimum |\n|---|---|---|\n");
        m.append("| ").append(n(s.throughputOpsPerSec(), 1)).append(" ops/s | ")
                .append(String.format(Locale.ROOT, "%.1f", points.stream().mapToDouble(RunReport.Point::opsPerSec).max().orElse(0)))
                .append(" ops/s | ")
                .append(String.format(Locale.ROOT, "%.1f", points.stream().mapToDouble(RunReport.Point::opsPerSec).min().orElse(0)))
                .append(" ops/s |\n\nPeak and minimum are per sample interval, after the warm-up, while users ran (a stall shows as 0).\n");

        RunReport.Activity activity = run.database().activity();
        m.append("\n## Cache hit ratio\n\n").append(activity != null && activity.cacheHitPct() != null
                ? n(activity.cacheHitPct(), 2) + "% of block requests served from shared buffers (" + activity.blocksRead()
                + " blocks read).\n" : "Not measured.\n");

        m.append("\n## Slowest operations (by p95)\n\n| operation | count | mean ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        run.operations().stream().sorted(Comparator.comparingDouble((RunReport.OperationRow o) -> -o.latencyMs().p95()))
                .limit(5).forEach(o -> m.append("| ").append(o.name()).append(" | ").append(o.count()).append(" | ")
                        .append(n(o.latencyMs().mean(), 2)).append(" | ").append(n(o.latencyMs().p95(), 2))
                        .append(" | ").append(n(o.latencyMs().p99(), 2)).append(" |\n"));

        m.append("\n## Slowest statements (pg_stat_statements, by mean time)\n\n");
        List<RunReport.StatementRow> statements = run.statements() == null ? List.of() : run.statements();
        if (statements.isEmpty()) {
            m.append("Not available").append(run.notes().isEmpty() ? "." : ": " + run.notes().get(0)).append("\n");
        } else {
            m.append("| operation | calls | mean ms | total ms | query |\n|---|---|---|---|---|\n");
            statements.stream().sorted(Comparator.comparingDouble((RunReport.StatementRow x) -> -x.meanMs())).limit(5)
                    .forEach(x -> m.append("| ").append(x.operation() == null ? "-" : x.operation()).append(" | ").append(x.calls())
                            .append(" | ").append(n(x.meanMs(), 3)).append(" | ").append(n(x.totalMs(), 1)).append(" | `")
                            .append(Text.oneLine(x.query() == null ? "" : x.query(), 100).replace("|", "\\|").replace("`", "'"))
                            .append("` |\n"));
        }

        RunReport.Pool pool = run.pool();
        RunReport.WaitEvents waits = run.database().waitEvents();
        m.append("\n## Pool and database utilisation\n\n");
        m.append(String.format(Locale.ROOT, "- Pool of %d: %s%% utilised on average (%s busy), users waited in %s%% of samples (peak %d waiting); "
                        + "waiting took %s%% of response time.%n", pool.size(), n(pool.utilisationPct(), 0),
                n(pool.activeMean(), 1), n(pool.saturationPct(), 0), pool.waitingPeak(), n(s.poolWaitSharePct(), 1)));
        if (waits != null && waits.busyBackendSamples() > 0) {
            List<String> top = new ArrayList<>();
            waits.events().forEach((event, count) -> top.add(String.format(Locale.ROOT, "%s %.0f%%", event,
                    100.0 * count / waits.busyBackendSamples())));
            m.append("- Database backends were busy with: ").append(String.join(", ", top.subList(0, Math.min(5, top.size())))).append(".\n");
        }
        m.append(String.format(Locale.ROOT, "- Simulator CPU %s%% on average (host %s%%).%n", n(pool.simulatorCpuMeanPct(), 0),
                n(pool.hostCpuMeanPct(), 0)));

        if (run.spike() != null) {
            m.append("\n## Spike recovery\n\nBaseline ").append(Format.spikeSentence(run.spike())).append(".\n");
        }
        outages(m, run.outages());
        RunReport.TrendsRow trends = run.trends();
        if (trends != null) {
            m.append("\n## Trends\n\n| series | start | end | change | p-value |\n|---|---|---|---|---|\n");
            trend(m, "heap_after_gc_mb", trends.heapAfterGcMb());
            trend(m, "backends", trends.backends());
            trend(m, "p95_ms", trends.p95Ms());
            optionalTrend(m, "mean_ms", trends.meanMs());
            optionalTrend(m, "database_ms_per_op", trends.databaseMsPerOp());
            optionalTrend(m, "pool_wait_ms", trends.poolWaitMs());
            m.append("\n").append(trends.leakSuspected() ? "**A leak is suspected.**"
                    : "No leak suspected.").append(trends.latencyDrift() ? " Latency drifts up." : "")
                    .append(trends.driftCause() == null ? "" : " " + Format.driftSentence(trends.driftCause())).append("\n");
        }

        m.append("\n## Bottlenecks\n\n");
        if (findings.isEmpty()) {
            m.append("None found.\n");
        }
        for (RunReport.FindingRow f : findings) {
            m.append(f.rank()).append(". **[").append(f.severity()).append("] ").append(f.title()).append("**\n");
            f.evidence().forEach(e -> m.append("   - ").append(e).append("\n"));
            m.append("   - Impact: ").append(f.impact()).append("\n");
        }

        if (baseline != null) {
            baselineComparison(m, baseline);
        }

        m.append("\n## Recommendations\n\n");
        if (findings.isEmpty()) {
            m.append("Nothing to change for this load.\n");
        }
        for (RunReport.FindingRow f : findings) {
            m.append("- ").append(f.fix()).append("\n");
        }

        m.append("\n## GO / NO-GO\n\n");
        if (verdict.isEmpty()) {
            m.append("Not decided: no thresholds were set.\n");
        } else {
            long failed = thresholds.stream().filter(t -> !t.passed()).count();
            m.append("**").append(verdict).append("**: ").append(failed > 0 ? failed + " of " + thresholds.size() + " thresholds failed"
                    : run.abortedBy() != null ? "the run was stopped early by " + run.abortedBy() : "every threshold passed").append(".\n");
        }
        return m.toString();
    }

    /**
     * The whole run and each operation's p95 against the baseline, with verdicts from both runs' own
     * noise; a baseline of other conditions is compared anyway, its differences listed first.
     */
    private static void baselineComparison(StringBuilder m, BaselineComparison b) {
        m.append("\n## Comparison with the baseline run\n\nBaseline: ").append(b.baseline().startedAt())
                .append(" (").append(b.baseline().config().pattern()).append(", ")
                .append(b.baseline().config().users()).append(" users).");
        if (b.refusal() != null) {
            m.append(" It cannot be compared: ").append(b.refusal()).append('\n');
            return;
        }
        Comparison c = b.comparison();
        if (!c.differences().isEmpty()) {
            m.append(" Differences: ").append(String.join("; ", c.differences())).append('.');
        }
        m.append("\n\n| operation | metric | baseline | this run | change | " + c.intervalLevel() + " interval | verdict |\n|---|---|--:|--:|--:|---|---|\n");
        for (Change r : c.rows()) {
            boolean overall = r.overall();
            boolean opP95 = r.ofOperation() && r.metric() == Metric.P95;
            if (overall || opP95) {
                ComparisonMarkdown.row(m, (overall ? "all" : r.operation()) + " | " + r.metric().label(), r, r.verdict().label());
            }
        }
        m.append("\n").append(c.method()).append(" Every row: `dbsim compare BASELINE.json RUN.json --md FILE`.\n");
    }

    /** Each outage with what failed, how long until it recovered and what it cost; the server's restarts and the observer's gaps. */
    private static void outages(StringBuilder m, RunReport.OutagesSection lived) {
        if (lived == null || !lived.anything()) {
            return;
        }
        m.append("\n## Outages\n\n");
        if (lived.events().isEmpty()) {
            m.append("None in the time series.\n");
        } else {
            m.append("| from s | to s | recovered after s | what failed | retried | operations lost | users gave up |\n"
                    + "|--:|--:|--:|---|---|--:|--:|\n");
            for (RunReport.OutageRow o : lived.events()) {
                m.append("| ").append(n(o.startedAtS(), 1)).append(" | ").append(n(o.endedAtS(), 1)).append(" | ")
                        .append(o.recoveryS() == null ? "not recovered" : n(o.recoveryS(), 1)).append(" | ")
                        .append(o.failuresByClass().isEmpty() ? (o.stalled() ? "none: a stall" : "none")
                                : Format.classes(o.failuresByClass()) + (o.stalled() ? "; throughput near zero" : ""))
                        .append(" | ").append(o.retries() == 0 ? "-" : Format.classes(o.retriesByClass())).append(" | ")
                        .append(o.operationsLost()).append(" | ").append(o.usersGaveUp() == null ? "-" : o.usersGaveUp().toString())
                        .append(" |\n");
            }
            m.append("\nRecovered: successful throughput and p95 back within 10% of the intervals before, two samples in a row.\n");
        }
        List<String> also = new ArrayList<>();
        lived.serverRestarts().forEach(r -> also.add("the server restarted at " + n(r.atS(), 1) + " s"));
        lived.observerGaps().forEach(g -> also.add("the observer could not read the server from " + n(g.lostAtS(), 1) + " s to "
                + (g.resumedAtS() == null ? "the end" : n(g.resumedAtS(), 1) + " s") + " (" + g.reason() + ")"));
        if (!lived.countersReset().isEmpty()) {
            also.add(String.join(", ", lived.countersReset()) + " counted from zero again during the run: their figures count from then");
        }
        if (!also.isEmpty()) {
            m.append('\n');
        }
        also.forEach(line -> m.append("- ").append(line.replace("|", "\\|")).append(".\n"));
    }

    /** A series in milliseconds that may be sub-millisecond (pool wait, the server's time), with 2 decimals; null when not measured. */
    private static void optionalTrend(StringBuilder m, String key, RunReport.Line l) {
        if (l != null) {
            trend(m, key, l, 2);
        }
    }

    private static void trend(StringBuilder m, String key, RunReport.Line l) {
        trend(m, key, l, 1);
    }

    private static void trend(StringBuilder m, String key, RunReport.Line l, int decimals) {
        m.append("| ").append(key).append(" | ").append(n(l.start(), decimals)).append(" | ").append(n(l.end(), decimals))
                .append(" | ").append(n(l.growthPct(), 1)).append("% | ")
                .append(l.pValue() == null ? "-" : String.format(Locale.ROOT, "%.3g", l.pValue())).append(" |\n");
    }

    private static void row(StringBuilder m, String key, String value) {
        m.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static String n(double v, int decimals) {
        return Format.num(v, decimals);
    }

    private static String n2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

}
