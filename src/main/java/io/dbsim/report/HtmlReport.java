package io.dbsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.Text;
import io.dbsim.analysis.Bottlenecks;
import io.dbsim.analysis.SpikeRecovery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * One self-contained HTML file that opens offline: the run's JSON report embedded as data, charts
 * drawn from it by Chart.js (inlined from its webjar), tables and findings as HTML. Built from the
 * JSON document, so a saved run renders exactly as a live one ({@code dbsim report run.json --html}).
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static void write(JsonNode run, Path file) {
        String html = render(run);
        AtomicFiles.write(file, "HTML report", tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    static String render(JsonNode run) {
        StringBuilder h = new StringBuilder(600_000);
        JsonNode summary = run.path("summary");
        JsonNode config = run.path("config");
        String verdict = run.path("verdict").asText("");
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbsim run report</title>\n<style>")
                .append(resource("report.css")).append("</style></head>\n<body data-charts-rendered=\"0\">\n<header><h1>dbsim run report");
        if (!verdict.isEmpty()) {
            h.append("<span class=\"verdict ").append(verdict.equals("GO") ? "go" : "nogo").append("\">").append(esc(verdict)).append("</span>");
        }
        h.append("</h1><div class=\"meta\">").append(esc(run.path("started_at").asText())).append(" &middot; ")
                .append(esc(run.path("database").path("target").asText())).append(" (PostgreSQL ")
                .append(esc(run.path("database").path("server_version").asText())).append(") &middot; pattern ")
                .append(esc(config.path("pattern").asText())).append(run.path("interrupted").asBoolean()
                        ? " &middot; <b>interrupted</b>: what was measured until the stop" : "").append("</div></header>\n<main>\n");

        h.append("<section><h2>Summary</h2><div class=\"cards\">");
        card(h, "operations", String.format(Locale.ROOT, "%,d", summary.path("operations").asLong()));
        card(h, "throughput", num(summary.path("throughput_ops_per_sec").asDouble(), 1) + " ops/s");
        card(h, "error rate", num(summary.path("error_rate_pct").asDouble(), 2) + " %");
        card(h, "p50", num(summary.path("latency_ms").path("p50").asDouble(), 1) + " ms");
        card(h, "p95", num(summary.path("latency_ms").path("p95").asDouble(), 1) + " ms");
        card(h, "p99", num(summary.path("latency_ms").path("p99").asDouble(), 1) + " ms");
        card(h, "pool wait share", num(summary.path("pool_wait_share_pct").asDouble(), 1) + " %");
        card(h, "cache hit", run.path("database").path("activity").path("cache_hit_pct").isNumber()
                ? num(run.path("database").path("activity").path("cache_hit_pct").asDouble(), 2) + " %" : "-");
        h.append("</div></section>\n");

        if (run.path("thresholds").isArray() && !run.path("thresholds").isEmpty()) {
            h.append("<section><h2>Thresholds</h2><table><tr><th>threshold</th><th class=\"n\">measured</th><th>result</th></tr>");
            for (JsonNode t : run.path("thresholds")) {
                h.append("<tr><td><code>").append(esc(t.path("threshold").asText())).append("</code></td><td class=\"n\">")
                        .append(t.path("measured").isNumber() ? num(t.path("measured").asDouble(), 2) + " " + esc(t.path("unit").asText())
                                : "not measured").append("</td><td class=\"").append(t.path("passed").asBoolean() ? "pass\">pass" : "fail\">FAIL")
                        .append("</td></tr>");
            }
            h.append("</table></section>\n");
        }

        h.append("<section><h2>Bottlenecks</h2>");
        if (run.path("bottlenecks").isEmpty()) {
            h.append("<p>None found.</p>");
        }
        for (JsonNode f : run.path("bottlenecks")) {
            h.append("<div class=\"finding ").append(esc(f.path("severity").asText())).append("\"><b>")
                    .append(f.path("rank").asInt()).append(". [").append(esc(f.path("severity").asText())).append("] ")
                    .append(esc(f.path("title").asText())).append("</b><ul>");
            for (JsonNode e : f.path("evidence")) {
                h.append("<li>").append(esc(e.asText())).append("</li>");
            }
            h.append("</ul><div><b>Impact:</b> ").append(esc(f.path("impact").asText())).append("</div><div><b>Fix:</b> ")
                    .append(esc(f.path("fix").asText())).append("</div></div>");
        }
        h.append("</section>\n");

        h.append("<section><h2>Over time</h2><div class=\"grid2\">");
        chart(h, "chart-throughput", "Throughput");
        chart(h, "chart-latency", "Response time percentiles");
        chart(h, "chart-pool", "Pool: active, idle, waiting");
        chart(h, "chart-distribution", "Response time distribution");
        h.append("</div></section>\n");

        h.append("<section><h2>Operations</h2>");
        h.append("<div class=\"grid2\">");
        chart(h, "chart-operations", "Operations and their p95");
        chart(h, "chart-operation-p95", "p95 per operation over time (the six busiest)");
        h.append("</div>");
        h.append("<table><tr><th>operation</th><th class=\"n\">count</th><th class=\"n\">failed</th><th class=\"n\">mean ms</th>"
                + "<th class=\"n\">p95 ms</th><th class=\"n\">p99 ms</th><th class=\"n\">pool wait p95 ms</th></tr>");
        for (JsonNode op : run.path("operations")) {
            h.append("<tr><td>").append(esc(op.path("name").asText())).append("</td>");
            cell(h, String.format(Locale.ROOT, "%,d", op.path("count").asLong()));
            cell(h, String.format(Locale.ROOT, "%,d", op.path("failed").asLong()));
            cell(h, num(op.path("latency_ms").path("mean").asDouble(), 2));
            cell(h, num(op.path("latency_ms").path("p95").asDouble(), 2));
            cell(h, num(op.path("latency_ms").path("p99").asDouble(), 2));
            cell(h, num(op.path("pool_wait_ms").path("p95").asDouble(), 2));
            h.append("</tr>");
        }
        h.append("</table></section>\n");

        if (run.path("flows").isArray() && !run.path("flows").isEmpty()) {
            h.append("<section><h2>Flows</h2><p>A journey's time is its steps' response times summed, think time left out; "
                    + "each step's own timings are its row under Operations.</p><table><tr><th>flow</th><th class=\"n\">journeys</th>"
                    + "<th class=\"n\">failed</th><th class=\"n\">mean ms</th><th class=\"n\">p95 ms</th><th class=\"n\">p99 ms</th>"
                    + "<th>steps</th></tr>");
            for (JsonNode f : run.path("flows")) {
                h.append("<tr><td>").append(esc(f.path("name").asText())).append("</td>");
                cell(h, String.format(Locale.ROOT, "%,d", f.path("journeys").asLong()));
                cell(h, String.format(Locale.ROOT, "%,d", f.path("failed").asLong()));
                cell(h, num(f.path("latency_ms").path("mean").asDouble(), 1));
                cell(h, num(f.path("latency_ms").path("p95").asDouble(), 1));
                cell(h, num(f.path("latency_ms").path("p99").asDouble(), 1));
                StringBuilder steps = new StringBuilder();
                f.path("steps").forEach(st -> steps.append(steps.isEmpty() ? "" : " > ").append(st.asText()));
                h.append("<td>").append(esc(steps.toString())).append("</td></tr>");
            }
            h.append("</table></section>\n");
        }
        JsonNode spike = run.path("spike");
        JsonNode trends = run.path("trends");
        if (spike.isObject() || trends.isObject()) {
            h.append("<section><h2>Spike and trends</h2><ul>");
            if (spike.isObject()) {
                h.append("<li>").append(esc("Spike: baseline " + SpikeRecovery.sentence(spike) + ".")).append("</li>");
            }
            if (trends.isObject()) {
                for (String key : java.util.List.of("heap_after_gc_mb", "backends", "p95_ms")) {
                    JsonNode l = trends.path(key);
                    h.append("<li>").append(esc(String.format(Locale.ROOT, "%s: %s -> %s (%s%%)", key, num(l.path("start").asDouble(), 1),
                            num(l.path("end").asDouble(), 1), num(l.path("growth_pct").asDouble(), 1)))).append("</li>");
                }
                h.append("<li><b>").append(trends.path("leak_suspected").asBoolean() ? "A leak is suspected." : "No leak suspected.")
                        .append(trends.path("latency_drift").asBoolean() ? " Latency drifts up." : "").append("</b></li>");
            }
            h.append("</ul></section>\n");
        }

        if (run.path("statements").isArray() && !run.path("statements").isEmpty()) {
            h.append("<section><h2>Top statements (pg_stat_statements)</h2>");
            chart(h, "chart-statements", "Total time per statement");
            h.append("<table><tr><th>operation</th><th class=\"n\">calls</th><th class=\"n\">total ms</th><th class=\"n\">mean ms</th>"
                    + "<th class=\"n\">rows</th><th class=\"n\">blocks read</th><th>query</th></tr>");
            int n = 0;
            for (JsonNode st : run.path("statements")) {
                if (n++ == 10) {
                    break;
                }
                h.append("<tr><td>").append(esc(st.path("operation").asText("-"))).append("</td>");
                cell(h, String.format(Locale.ROOT, "%,d", st.path("calls").asLong()));
                cell(h, num(st.path("total_ms").asDouble(), 1));
                cell(h, num(st.path("mean_ms").asDouble(), 3));
                cell(h, String.format(Locale.ROOT, "%,d", st.path("rows").asLong()));
                cell(h, String.format(Locale.ROOT, "%,d", st.path("shared_blocks_read").asLong()));
                h.append("<td><code>").append(esc(Text.oneLine(st.path("query").asText(), 160))).append("</code></td></tr>");
            }
            h.append("</table></section>\n");
        }

        if (run.path("capacity").isObject()) {
            JsonNode c = run.path("capacity");
            JsonNode target = c.path("target");
            h.append("<section><h2>Capacity").append(c.path("weak").asBoolean() ? " (estimate from one run: an optimistic upper bound)" : "")
                    .append("</h2>");
            chart(h, "chart-capacity", "Throughput against busy connections: measured, fitted, target");
            h.append("<p>").append(String.format(Locale.ROOT, "%,d users: %s ops/s, mean %s ms, p95 %s ms with a pool of %d; "
                            + "p95 under %s ms up to %,d users; pool size to use %d; limits first: %s.",
                    target.path("users").asInt(), num(target.path("throughput_ops_per_sec").asDouble(), 1),
                    num(target.path("response_mean_ms").asDouble(), 1), num(target.path("response_p95_ms").asDouble(), 1),
                    target.path("pool_size").asInt(), num(c.path("p95_target_ms").asDouble(), 0),
                    c.path("max_users_meeting_target").asInt(), c.path("recommended_pool_size").asInt(),
                    esc(c.path("limit").asText()))).append("</p><ul>");
            for (JsonNode w : c.path("warnings")) {
                h.append("<li>").append(esc(w.asText())).append("</li>");
            }
            h.append("</ul></section>\n");
        }

        h.append("<section><h2>Configuration</h2><table>");
        config.fields().forEachRemaining(e -> h.append("<tr><th>").append(esc(e.getKey())).append("</th><td>")
                .append(esc(e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString())).append("</td></tr>"));
        h.append("</table></section>\n");
        if (run.path("notes").isArray() && !run.path("notes").isEmpty()) {
            h.append("<section><h2>Notes</h2><ul>");
            run.path("notes").forEach(n -> h.append("<li>").append(esc(n.asText())).append("</li>"));
            h.append("</ul></section>\n");
        }
        h.append("<pre id=\"script-errors\" hidden></pre>\n</main>\n<script type=\"application/json\" id=\"run-data\">")
                .append(run.toString().replace("<", "\\u003c")).append("</script>\n<script>").append(chartJs())
                .append("</script>\n<script>").append(resource("charts.js"))
                .append("</script>\n<script>").append(resource("report.js")).append("</script>\n</body></html>\n");
        return h.toString();
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
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
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
