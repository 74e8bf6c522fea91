package io.dbsim.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.Text;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.PlanChange;
import io.dbsim.analysis.compare.RunSample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The comparison as one self-contained HTML page: the verdict, the p95 change of every operation with
 * its interval, A and B over time (first pair), and every row, coloured by verdict.
 */
public final class ComparisonHtml {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ComparisonHtml() {
    }

    public static void write(Comparison c, Double failOnRegressionPct, RunSample a, RunSample b, Path file) {
        String html = render(c, failOnRegressionPct, a, b);
        AtomicFiles.write(file, "HTML comparison", tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    static String render(Comparison c, Double failOnRegressionPct, RunSample a, RunSample b) {
        StringBuilder h = new StringBuilder(400_000);
        List<Change> regressions = failOnRegressionPct == null ? List.of() : c.regressions(failOnRegressionPct);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbsim comparison</title>\n<style>")
                .append(HtmlReport.resource("report.css"))
                .append(".better{color:#1f9d55;font-weight:600}.worse{color:#cc1f1a;font-weight:600}.noise{color:#5b6477}")
                .append("</style></head>\n<body data-charts-rendered=\"0\">\n<header><h1>dbsim comparison");
        if (failOnRegressionPct != null) {
            h.append("<span class=\"verdict ").append(regressions.isEmpty() ? "go\">PASS" : "nogo\">REGRESSION").append("</span>");
        }
        h.append("</h1><div class=\"meta\">A = ").append(HtmlReport.esc(String.join(", ", c.before()))).append(" &middot; B = ")
                .append(HtmlReport.esc(String.join(", ", c.after()))).append("</div></header>\n<main>\n");
        h.append("<section><h2>Result</h2><div class=\"cards\">");
        HtmlReport.card(h, "better", Long.toString(c.count(Change.Verdict.BETTER)));
        HtmlReport.card(h, "worse", Long.toString(c.count(Change.Verdict.WORSE)));
        HtmlReport.card(h, "within noise", Long.toString(c.count(Change.Verdict.WITHIN_NOISE)));
        HtmlReport.card(h, "A/B pairs", Integer.toString(c.pairs()));
        if (failOnRegressionPct != null) {
            HtmlReport.card(h, "regressions beyond " + ComparisonConsole.number(failOnRegressionPct) + "%",
                    Integer.toString(regressions.size()));
        }
        h.append("</div><ul>");
        c.notes().forEach(n -> h.append("<li>").append(HtmlReport.esc(n)).append("</li>"));
        c.differences().forEach(d -> h.append("<li>").append(HtmlReport.esc(d)).append("</li>"));
        h.append("</ul><p>").append(HtmlReport.esc(c.method())).append("</p></section>\n");

        h.append("<section><h2>Per operation</h2>");
        HtmlReport.chart(h, "chart-p95-change", "p95 change per operation, B against A, with its " + c.intervalLevel() + " interval");
        h.append("</section>\n<section><h2>Over time (first pair)</h2><div class=\"grid2\">");
        HtmlReport.chart(h, "chart-throughput-ab", "Throughput, A and B");
        HtmlReport.chart(h, "chart-p95-ab", "p95, A and B");
        h.append("</div></section>\n");

        table(h, "All operations", c.rows().stream().filter(Change::overall).toList(), false, c.intervalLevel());
        table(h, "Every operation", c.rows().stream().filter(Change::ofOperation).toList(), false, c.intervalLevel());
        table(h, "Statements (pg_stat_statements, mean execution time per call)",
                c.rows().stream().filter(Change::ofStatement).toList(), true, c.intervalLevel());
        if (!c.plans().isEmpty()) {
            h.append("<section><h2>Plans that changed</h2><table><tr><th>operation</th><th>A</th><th>B</th><th>query</th></tr>");
            for (PlanChange p : c.plans()) {
                h.append("<tr><td>").append(HtmlReport.esc(p.operation() == null ? "(other)" : p.operation())).append("</td><td>").append(HtmlReport.esc(p.planBefore()))
                        .append(String.format(Locale.ROOT, " (cost %.1f)", p.costBefore())).append("</td><td>")
                        .append(HtmlReport.esc(p.planAfter())).append(String.format(Locale.ROOT, " (cost %.1f)", p.costAfter()))
                        .append("</td><td><code>").append(HtmlReport.esc(Text.oneLine(p.query(), 160))).append("</code></td></tr>");
            }
            h.append("</table></section>\n");
        }
        h.append("<pre id=\"script-errors\" hidden></pre>\n</main>\n<script type=\"application/json\" id=\"comparison-data\">")
                .append(data(c, a, b).replace("<", "\\u003c")).append("</script>\n<script>").append(HtmlReport.chartJs())
                .append("</script>\n<script>").append(HtmlReport.resource("charts.js"))
                .append("</script>\n<script>").append(HtmlReport.resource("compare.js")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    private static void table(StringBuilder h, String title, List<Change> rows, boolean statements, String level) {
        if (rows.isEmpty()) {
            return;
        }
        h.append("<section><h2>").append(HtmlReport.esc(title)).append("</h2><table data-level=\"").append(level).append("\"><tr>")
                .append(statements ? "<th>operation</th><th>query</th>" : "<th>operation</th><th>metric</th>")
                .append("<th class=\"n\">A</th><th class=\"n\">B</th><th class=\"n\">change</th><th>" + level + " interval</th><th>verdict</th>")
                .append(statements ? "<th>per call</th>" : "").append("</tr>");
        for (Change r : rows) {
            String css = switch (r.verdict()) {
                case BETTER -> "better";
                case WORSE -> "worse";
                default -> "noise";
            };
            h.append("<tr><td>").append(HtmlReport.esc(r.operation() == null ? "all" : r.operation())).append("</td><td>")
                    .append(statements ? "<code>" + HtmlReport.esc(Text.oneLine(r.query(), 120)) + "</code>" : HtmlReport.esc(r.metric().label()))
                    .append("</td><td class=\"n\">").append(HtmlReport.esc(ComparisonConsole.value(r.before(), r.metric())))
                    .append("</td><td class=\"n\">").append(HtmlReport.esc(ComparisonConsole.value(r.after(), r.metric())))
                    .append("</td><td class=\"n\">").append(HtmlReport.esc(ComparisonConsole.change(r))).append("</td><td>")
                    .append(HtmlReport.esc(ComparisonConsole.interval(r))).append("</td><td class=\"").append(css).append("\">")
                    .append(HtmlReport.esc(r.verdict().label())).append("</td>")
                    .append(statements ? "<td>" + HtmlReport.esc(r.detail()) + "</td>" : "").append("</tr>");
        }
        h.append("</table></section>\n");
    }

    /** What the charts draw: the rows, and the first A and B runs' throughput and p95 over time. */
    private static String data(Comparison c, RunSample a, RunSample b) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("level", c.intervalLevel());
        d.put("rows", c.rows().stream().filter(r -> !r.ofStatement()).map(ComparisonJson::row).toList());
        d.put("a", series(a));
        d.put("b", series(b));
        try {
            return JSON.writeValueAsString(d);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Map<String, Object>> series(RunSample s) {
        List<Map<String, Object>> out = new ArrayList<>();
        s.run().timeseries().forEach(p -> out.add(Map.of("t_s", p.tS(), "ops_per_sec", p.opsPerSec(), "p95_ms", p.p95Ms())));
        return out;
    }
}
