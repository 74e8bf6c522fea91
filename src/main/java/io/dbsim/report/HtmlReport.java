package io.dbsim.report;

import io.dbsim.Text;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.capacity.CapacitySection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * One self-contained HTML file that opens offline: the run's JSON report embedded as data, charts
 * drawn from it by Chart.js (inlined from its webjar), tables and findings as HTML, one method per section.
 * Built from the run report alone, so a saved run renders exactly as a live one ({@code dbsim report run.json --html}).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(RunReport run, Path file) {
        String html = render(run);
        AtomicFiles.write(file, "HTML report", tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    static String render(RunReport run) {
        StringBuilder h = new StringBuilder(600_000);
        header(h, run);
        h.append("<main>\n");
        summary(h, run);
        thresholds(h, run);
        bottlenecks(h, run);
        overTime(h);
        outages(h, run.outages());
        operations(h, run);
        flows(h, run);
        spikeAndTrends(h, run);
        statements(h, run);
        capacity(h, run);
        configuration(h, run);
        notes(h, run);
        h.append("<pre id=\"script-errors\" hidden></pre>\n</main>\n<script type=\"application/json\" id=\"run-data\">")
                .append(JsonReport.tree(run).toString().replace("<", "\\u003c")).append("</script>\n<script>").append(chartJs())
                .append("</script>\n<script>").append(resource("charts.js"));
        if (run.outages() != null && !run.outages().events().isEmpty()) {
            // Marks the outages on the charts over time; a page without outages carries none of it.
            h.append("</script>\n<script>").append(resource("outages.js"));
        }
        h.append("</script>\n<script>").append(resource("report.js")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void header(StringBuilder h, RunReport run) {
        String verdict = run.verdict() == null ? "" : run.verdict();
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbsim run report</title>\n<style>")
                .append(resource("report.css")).append("</style></head>\n<body data-charts-rendered=\"0\">\n<header><h1>dbsim run report");
        if (!verdict.isEmpty()) {
            h.append("<span class=\"verdict ").append(verdict.equals("GO") ? "go" : "nogo").append("\">").append(esc(verdict)).append("</span>");
        }
        h.append("</h1><div class=\"meta\">").append(esc(run.startedAt())).append(" &middot; ")
                .append(esc(run.database().target())).append(" (PostgreSQL ")
                .append(esc(run.database().serverVersion())).append(") &middot; pattern ")
                .append(esc(run.config().pattern())).append(run.abortedBy() != null
                        ? " &middot; <b>stopped early</b> by threshold " + esc(run.abortedBy()) : run.interrupted()
                        ? " &middot; <b>interrupted</b>: what was measured until the stop" : "").append("</div></header>\n");
    }

    private static void summary(StringBuilder h, RunReport run) {
        RunReport.Summary summary = run.summary();
        h.append("<section><h2>Summary</h2><div class=\"cards\">");
        card(h, "operations", String.format(Locale.ROOT, "%,d", summary.operations()));
        card(h, "throughput", num(summary.throughputOpsPerSec(), 1) + " ops/s");
        card(h, "error rate", num(summary.errorRatePct(), 2) + " %");
        card(h, "p50", num(summary.latencyMs().p50(), 1) + " ms");
        card(h, "p95", num(summary.latencyMs().p95(), 1) + " ms");
        card(h, "p99", num(summary.latencyMs().p99(), 1) + " ms");
        card(h, "pool wait share", num(summary.poolWaitSharePct(), 1) + " %");
        RunReport.Activity activity = run.database().activity();
        card(h, "cache hit", activity != null && activity.cacheHitPct() != null ? num(activity.cacheHitPct(), 2) + " %" : "-");
        h.append("</div></section>\n");
    }

    private static void thresholds(StringBuilder h, RunReport run) {
        if (run.thresholds() == null || run.thresholds().isEmpty()) {
            return;
        }
        h.append("<section><h2>Thresholds</h2><table><tr><th>threshold</th><th class=\"n\">measured</th><th>result</th></tr>");
        for (RunReport.ThresholdRow t : run.thresholds()) {
            h.append("<tr><td><code>").append(esc(t.threshold())).append("</code></td><td class=\"n\">")
                    .append(t.measured() != null ? num(t.measured(), 2) + " " + esc(t.unit()) : "not measured")
                    .append("</td><td class=\"").append(t.passed() ? "pass\">pass" : "fail\">FAIL").append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void bottlenecks(StringBuilder h, RunReport run) {
        h.append("<section><h2>Bottlenecks</h2>");
        if (run.bottlenecks().isEmpty()) {
            h.append("<p>None found.</p>");
        }
        for (RunReport.FindingRow f : run.bottlenecks()) {
            h.append("<div class=\"finding ").append(esc(f.severity())).append("\"><b>")
                    .append(f.rank()).append(". [").append(esc(f.severity())).append("] ")
                    .append(esc(f.title())).append("</b><ul>");
            for (String e : f.evidence()) {
                h.append("<li>").append(esc(e)).append("</li>");
            }
            h.append("</ul><div><b>Impact:</b> ").append(esc(f.impact())).append("</div><div><b>Fix:</b> ")
                    .append(esc(f.fix())).append("</div></div>");
        }
        h.append("</section>\n");
    }

    private static void overTime(StringBuilder h) {
        h.append("<section><h2>Over time</h2><div class=\"grid2\">");
        chart(h, "chart-throughput", "Throughput");
        chart(h, "chart-latency", "Response time percentiles");
        chart(h, "chart-pool", "Pool: active, idle, waiting");
        chart(h, "chart-distribution", "Response time distribution");
        h.append("</div></section>\n");
    }

    private static void outages(StringBuilder h, RunReport.OutagesSection lived) {
        if (lived == null || !lived.anything()) {
            return;
        }
        h.append("<section id=\"outages\"><h2>Outages</h2>");
        if (lived.events().isEmpty()) {
            h.append("<p>None in the time series.</p>");
        } else {
            h.append("<p>Shaded on the charts over time. Recovered: successful throughput and p95 back within 10% of the intervals "
                    + "before, two samples in a row.</p><table><tr><th class=\"n\">from s</th><th class=\"n\">to s</th>"
                    + "<th class=\"n\">recovered after s</th><th>what failed</th><th>retried</th><th class=\"n\">operations lost</th>"
                    + "<th class=\"n\">users gave up</th></tr>");
            for (RunReport.OutageRow o : lived.events()) {
                h.append("<tr class=\"outage\">");
                cell(h, num(o.startedAtS(), 1));
                cell(h, num(o.endedAtS(), 1));
                cell(h, o.recoveryS() == null ? "not recovered" : num(o.recoveryS(), 1));
                h.append("<td>").append(esc(o.failuresByClass().isEmpty() ? "none" : Format.classes(o.failuresByClass())))
                        .append(o.stalled() ? esc("; throughput near zero") : "").append("</td><td>")
                        .append(esc(o.retries() == 0 ? "-" : Format.classes(o.retriesByClass()))).append("</td>");
                cell(h, String.format(Locale.ROOT, "%,d", o.operationsLost()));
                cell(h, o.usersGaveUp() == null ? "-" : String.format(Locale.ROOT, "%,d", o.usersGaveUp()));
                h.append("</tr>");
            }
            h.append("</table>");
        }
        h.append("<ul>");
        lived.serverRestarts().forEach(r -> h.append("<li>").append(esc("The server restarted at " + num(r.atS(), 1) + " s."))
                .append("</li>"));
        lived.observerGaps().forEach(g -> h.append("<li>").append(esc("The observer could not read the server from "
                + num(g.lostAtS(), 1) + " s to " + (g.resumedAtS() == null ? "the end" : num(g.resumedAtS(), 1) + " s")
                + " (" + g.reason() + ").")).append("</li>"));
        if (!lived.countersReset().isEmpty()) {
            h.append("<li>").append(esc(String.join(", ", lived.countersReset())
                    + " counted from zero again during the run: their figures count from then.")).append("</li>");
        }
        h.append("</ul></section>\n");
    }

    private static void operations(StringBuilder h, RunReport run) {
        h.append("<section><h2>Operations</h2>");
        h.append("<div class=\"grid2\">");
        chart(h, "chart-operations", "Operations and their p95");
        chart(h, "chart-operation-p95", "p95 per operation over time (the six busiest)");
        h.append("</div>");
        h.append("<table><tr><th>operation</th><th class=\"n\">count</th><th class=\"n\">failed</th><th class=\"n\">mean ms</th>"
                + "<th class=\"n\">p95 ms</th><th class=\"n\">p99 ms</th><th class=\"n\">pool wait p95 ms</th></tr>");
        for (RunReport.OperationRow op : run.operations()) {
            h.append("<tr><td>").append(esc(op.name())).append("</td>");
            cell(h, String.format(Locale.ROOT, "%,d", op.count()));
            cell(h, String.format(Locale.ROOT, "%,d", op.failed()));
            cell(h, num(op.latencyMs().mean(), 2));
            cell(h, num(op.latencyMs().p95(), 2));
            cell(h, num(op.latencyMs().p99(), 2));
            cell(h, num(op.poolWaitMs().p95(), 2));
            h.append("</tr>");
        }
        h.append("</table></section>\n");
    }

    private static void flows(StringBuilder h, RunReport run) {
        if (run.flows().isEmpty()) {
            return;
        }
        h.append("<section><h2>Flows</h2><p>A journey's time is its steps' response times summed, think time left out; "
                + "each step's own timings are its row under Operations.</p><table><tr><th>flow</th><th class=\"n\">journeys</th>"
                + "<th class=\"n\">failed</th><th class=\"n\">mean ms</th><th class=\"n\">p95 ms</th><th class=\"n\">p99 ms</th>"
                + "<th>steps</th></tr>");
        for (RunReport.FlowRow f : run.flows()) {
            h.append("<tr><td>").append(esc(f.name())).append("</td>");
            cell(h, String.format(Locale.ROOT, "%,d", f.journeys()));
            cell(h, String.format(Locale.ROOT, "%,d", f.failed()));
            cell(h, num(f.latencyMs().mean(), 1));
            cell(h, num(f.latencyMs().p95(), 1));
            cell(h, num(f.latencyMs().p99(), 1));
            h.append("<td>").append(esc(String.join(" > ", f.steps()))).append("</td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void spikeAndTrends(StringBuilder h, RunReport run) {
        RunReport.Spike spike = run.spike();
        RunReport.TrendsRow trends = run.trends();
        if (spike == null && trends == null) {
            return;
        }
        h.append("<section><h2>Spike and trends</h2><ul>");
        if (spike != null) {
            h.append("<li>").append(esc("Spike: baseline " + Format.spikeSentence(spike) + ".")).append("</li>");
        }
        if (trends != null) {
            trendLine(h, "heap_after_gc_mb", trends.heapAfterGcMb());
            trendLine(h, "backends", trends.backends());
            trendLine(h, "p95_ms", trends.p95Ms());
            optionalTrendLine(h, "mean_ms", trends.meanMs());
            optionalTrendLine(h, "database_ms_per_op", trends.databaseMsPerOp());
            optionalTrendLine(h, "pool_wait_ms", trends.poolWaitMs());
            h.append("<li><b>").append(trends.leakSuspected() ? "A leak is suspected." : "No leak suspected.")
                    .append(trends.latencyDrift() ? " Latency drifts up." : "").append("</b>")
                    .append(trends.driftCause() == null ? "" : " " + esc(Format.driftSentence(trends.driftCause()))).append("</li>");
        }
        h.append("</ul></section>\n");
    }

    /** A series in milliseconds that may be sub-millisecond (pool wait, the server's time), with 2 decimals; null when not measured. */
    private static void optionalTrendLine(StringBuilder h, String key, RunReport.Line l) {
        if (l != null) {
            trendLine(h, key, l, 2);
        }
    }

    private static void trendLine(StringBuilder h, String key, RunReport.Line l) {
        trendLine(h, key, l, 1);
    }

    private static void trendLine(StringBuilder h, String key, RunReport.Line l, int decimals) {
        h.append("<li>").append(esc(String.format(Locale.ROOT, "%s: %s -> %s (%s%%)", key, num(l.start(), decimals), num(l.end(), decimals),
                num(l.growthPct(), 1)))).append("</li>");
    }

    private static void statements(StringBuilder h, RunReport run) {
        if (run.statements() == null || run.statements().isEmpty()) {
            return;
        }
        h.append("<section><h2>Top statements (pg_stat_statements)</h2>");
        chart(h, "chart-statements", "Total time per statement");
        h.append("<table><tr><th>operation</th><th class=\"n\">calls</th><th class=\"n\">total ms</th><th class=\"n\">mean ms</th>"
                + "<th class=\"n\">rows</th><th class=\"n\">blocks read</th><th>query</th></tr>");
        for (RunReport.StatementRow st : run.statements().stream().limit(10).toList()) {
            h.append("<tr><td>").append(esc(st.operation() == null ? "-" : st.operation())).append("</td>");
            cell(h, String.format(Locale.ROOT, "%,d", st.calls()));
            cell(h, num(st.totalMs(), 1));
            cell(h, num(st.meanMs(), 3));
            cell(h, String.format(Locale.ROOT, "%,d", st.rows()));
            cell(h, String.format(Locale.ROOT, "%,d", st.sharedBlocksRead()));
            h.append("<td><code>").append(esc(Text.oneLine(st.query() == null ? "" : st.query(), 160))).append("</code></td></tr>");
        }
        h.append("</table></section>\n");
    }

    private static void capacity(StringBuilder h, RunReport run) {
        CapacitySection c = run.capacity();
        if (c == null) {
            return;
        }
        CapacitySection.Target target = c.target();
        h.append("<section><h2>Capacity").append(c.weak() ? " (estimate from one run: an optimistic upper bound)" : "")
                .append("</h2>");
        chart(h, "chart-capacity", "Throughput against busy connections: measured, fitted, target");
        h.append("<p>").append(String.format(Locale.ROOT, "%,d users: %s ops/s, mean %s ms, p95 %s ms with a pool of %d; "
                        + "p95 under %s ms up to %,d users; pool size to use %d; limits first: %s.",
                target.users(), num(target.throughputOpsPerSec(), 1), num(target.responseMeanMs(), 1),
                num(target.responseP95Ms(), 1), target.poolSize(), num(c.p95TargetMs(), 0), c.maxUsersMeetingTarget(),
                c.recommendedPoolSize(), esc(c.limit()))).append("</p><ul>");
        for (String w : c.warnings()) {
            h.append("<li>").append(esc(w)).append("</li>");
        }
        h.append("</ul></section>\n");
    }

    private static void configuration(StringBuilder h, RunReport run) {
        h.append("<section><h2>Configuration</h2><table>");
        JsonReport.tree(run.config()).fields().forEachRemaining(e -> h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                .append(esc(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())).append("</td></tr>"));
        h.append("</table></section>\n");
    }

    private static void notes(StringBuilder h, RunReport run) {
        if (run.notes().isEmpty()) {
            return;
        }
        h.append("<section><h2>Notes</h2><ul>");
        run.notes().forEach(n -> h.append("<li>").append(esc(n)).append("</li>"));
        h.append("</ul></section>\n");
    }

    static void chart(StringBuilder h, String id, String title) {
        h.append("<div><h3 style=\"font-size:14px;margin:6px 0\">").append(esc(title)).append("</h3><div class=\"chart\"><canvas id=\"")
                .append(id).append("\" data-chart=\"").append(id).append("\"></canvas></div></div>");
    }

    static void card(StringBuilder h, String key, String value) {
        h.append("<div class=\"card\"><div class=\"v\">").append(esc(value)).append("</div><div class=\"k\">").append(esc(key))
                .append("</div></div>");
    }

    private static void cell(StringBuilder h, String value) {
        h.append("<td class=\"n\">").append(esc(value)).append("</td>");
    }

    static String num(double v, int decimals) {
        return Format.num(v, decimals);
    }


    static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Chart.js, from the webjar on the classpath whose version pom.xml sets. */
    static String chartJs() {
        Properties p = new Properties();
        try (InputStream in = HtmlReport.class.getResourceAsStream("chartjs.properties")) {
            p.load(in);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("chartjs.properties is missing from the build", e);
        }
        try (InputStream in = HtmlReport.class.getClassLoader().getResourceAsStream(p.getProperty("resource"))) {
            if (in == null) {
                throw new IllegalStateException("Chart.js " + p.getProperty("version") + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("</script", "<\\/script");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
