package io.dbsim.report;

import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Verification;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import static io.dbsim.report.HtmlReport.chart;
import static io.dbsim.report.HtmlReport.esc;
import static io.dbsim.report.HtmlReport.num;

/**
 * The capacity answer as a page for someone who decides (`capacity --html`): the verdict first, then the sweep's
 * steps, the fitted curve and the target with its interval on one chart, and after `--verify` the target as measured
 * on the same chart and predicted against measured beside it. One file that opens offline, as the run report does.
 */
public final class CapacityHtml {

    private CapacityHtml() {
    }

    /** @param verification the target run for real (capacity --verify); null when it did not run */
    public static void write(CapacitySection plan, Verification verification, String source, Path file) {
        String html = render(plan, verification, source);
        AtomicFiles.write(file, "capacity HTML report", tmp -> Files.writeString(tmp, html, StandardCharsets.UTF_8));
    }

    static String render(CapacitySection plan, Verification v, String source) {
        StringBuilder h = new StringBuilder(300_000);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>dbsim capacity report</title>\n<style>")
                .append(HtmlReport.resource("report.css")).append("</style></head>\n<body data-charts-rendered=\"0\">\n")
                .append("<header><h1>dbsim capacity report");
        if (v != null) {
            h.append("<span class=\"verdict ").append(v.held() ? "go\">HELD" : "nogo\">NOT CONFIRMED").append("</span>");
        }
        h.append("</h1><div class=\"meta\">from ").append(esc(source)).append(" &middot; ").append(String.format(Locale.ROOT,
                "%,d users thinking %s, pool %d", plan.target().users(), Format.millis(plan.target().thinkTimeMs()),
                plan.target().poolSize())).append("</div></header>\n<main>\n");
        lead(h, plan, v);
        answer(h, plan);
        if (v != null) {
            verification(h, v);
        }
        confidence(h, plan, v);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("capacity", plan);
        data.put("verification", v);
        h.append("<pre id=\"script-errors\" hidden></pre>\n</main>\n<script type=\"application/json\" id=\"capacity-data\">")
                .append(JsonReport.tree(data).toString().replace("<", "\\u003c")).append("</script>\n<script>")
                .append(HtmlReport.chartJs()).append("</script>\n<script>").append(HtmlReport.resource("charts.js"))
                .append("</script>\n<script>").append(HtmlReport.resource("capacity.js")).append("</script>\n</body></html>\n");
        return h.toString();
    }

    /**
     * What a reader must know before any figure: the verification's verdict, and the doubt about the answer when it
     * is another than the verdict (an interval too wide to pin it down, a back-test outside its interval).
     */
    private static void lead(StringBuilder h, CapacitySection plan, Verification v) {
        if (v == null && plan.doubt() == null) {
            return;
        }
        h.append("<section><h2>").append(v != null ? "Verification" : "Before the figures").append("</h2>");
        if (v != null) {
            h.append("<p><b>").append(esc(v.verdict())).append("</b></p>");
        }
        if (plan.doubt() != null && (v == null || !plan.doubt().equals(v.verdict()))) {
            h.append("<p><b>").append(esc("UNCONFIRMED: " + plan.doubt())).append("</b></p>");
        }
        h.append("</section>\n");
    }

    private static void answer(StringBuilder h, CapacitySection plan) {
        CapacitySection.Target at = plan.target();
        boolean doubted = plan.doubt() != null;
        h.append("<section><h2>The answer</h2><div class=\"cards\">");
        HtmlReport.card(h, "throughput" + (doubted ? " (unconfirmed)" : ""), figure(at.throughputOpsPerSec(),
                at.throughputOpsPerSecLow(), at.throughputOpsPerSecHigh(), " ops/s"));
        HtmlReport.card(h, "mean response" + (doubted ? " (unconfirmed)" : ""), figure(at.responseMeanMs(), at.responseMeanMsLow(),
                at.responseMeanMsHigh(), " ms"));
        HtmlReport.card(h, "p95 response" + (doubted ? " (unconfirmed)" : ""), figure(at.responseP95Ms(), at.responseP95MsLow(),
                at.responseP95MsHigh(), " ms"));
        HtmlReport.card(h, "users meeting p95 < " + Format.millis(plan.p95TargetMs()), String.format(Locale.ROOT, "%,d",
                plan.maxUsersMeetingTarget()));
        HtmlReport.card(h, "pool size to use", String.valueOf(plan.recommendedPoolSize()));
        h.append("</div>");
        chart(h, "chart-capacity", "Throughput against busy connections: the sweep's steps, the fitted USL, the target"
                + " (predicted, with its 95% interval) and the target as measured");
        h.append("<p>").append(esc("Limits first: " + plan.limit() + ": " + plan.limitReason() + ".")).append("</p></section>\n");
    }

    /** A value with its interval, the interval first: a wide one is the answer, the model's value only a point in it. */
    private static String figure(double value, Double low, Double high, String unit) {
        return low == null ? num(value, 1) + unit : num(low, 1) + " to " + num(high, 1) + unit + " (model " + num(value, 1) + ")";
    }

    private static void verification(StringBuilder h, Verification v) {
        h.append("<section><h2>Predicted and measured at the target</h2><p>").append(esc(String.format(Locale.ROOT,
                "%,d users thinking %s, pool %d: measured %.0f s, %,d operations, %.2f%% errors%s.", v.users(),
                Format.millis(v.thinkTimeMs()), v.poolSize(), v.measuredSeconds(), v.operations(), v.errorRatePct(),
                v.interrupted() ? " (interrupted)" : ""))).append("</p>");
        chart(h, "chart-verification", "Response time at the target, predicted and measured (ms)");
        h.append("<table><tr><th></th><th class=\"n\">predicted</th><th class=\"n\">measured</th><th class=\"n\">error</th>"
                + "<th>95% interval</th></tr>");
        row(h, "throughput ops/s", v.throughput());
        row(h, "mean ms", v.responseMeanMs());
        row(h, "p95 ms", v.responseP95Ms());
        row(h, "pool wait mean ms", v.poolWaitMeanMs());
        row(h, "hold mean ms", v.holdMeanMs());
        h.append("</table><p>").append(esc(String.format(Locale.ROOT, "Simulator CPU %.0f%% of the host (sweep: at most %.0f%%), "
                        + "host CPU %.0f%% (sweep: at most %.0f%%)%s.", v.simulatorCpuPct(), v.sweepSimulatorCpuPctMax(),
                v.hostCpuPct(), v.sweepHostCpuPctMax(), v.dataGrowthPct() == null ? ""
                        : String.format(Locale.ROOT, "; rows changed %+.1f%% during the run", v.dataGrowthPct())))).append("</p>");
        if (!v.causes().isEmpty()) {
            h.append("<ul>");
            v.causes().forEach(c -> h.append("<li>").append(esc(c)).append("</li>"));
            h.append("</ul>");
        }
        h.append("</section>\n");
    }

    private static void row(StringBuilder h, String name, Verification.Figure f) {
        h.append("<tr><td>").append(esc(name)).append("</td><td class=\"n\">").append(num(f.predicted(), 1))
                .append("</td><td class=\"n\">").append(num(f.measured(), 1)).append("</td><td class=\"n\">")
                .append(String.format(Locale.ROOT, "%+.0f%%", f.errorPct())).append("</td><td>")
                .append(f.low() == null ? "-" : esc(num(f.low(), 1) + " to " + num(f.high(), 1)) + (f.inside()
                        ? ": inside" : ": <b>OUTSIDE</b>")).append("</td></tr>");
    }

    private static void confidence(StringBuilder h, CapacitySection plan, Verification v) {
        h.append("<section><h2>How far it can be trusted</h2><ul>");
        CapacitySection.Backtest b = plan.backtest();
        if (b != null) {
            h.append("<li>").append(esc(String.format(Locale.ROOT, "Back-test: fitted on %d steps, predicted %d users at %s ops/s, "
                            + "measured %s (error %+.1f%%)%s; p95 predicted %s ms, measured %s ms.", b.fittedSteps(), b.users(),
                    num(b.predictedThroughput(), 1), num(b.measuredThroughput(), 1), b.throughputErrorPct(),
                    b.measuredInsideInterval() == null ? "" : b.measuredInsideInterval() ? ", inside its 95% interval"
                            : ", outside its 95% interval", num(b.predictedP95Ms(), 1), num(b.measuredP95Ms(), 1)))).append("</li>");
        }
        h.append("<li>").append(esc(String.format(Locale.ROOT, "The target keeps %.1f connections busy; the sweep measured up to "
                + "%.1f (%.2fx).", plan.target().busyConnections(), plan.measuredBusy(), plan.rangeRatio()))).append("</li>");
        // The verdict leads the page already; the warnings repeat it first when it is the answer's doubt.
        plan.warnings().stream().filter(w -> v == null || !w.equals(v.verdict()))
                .forEach(w -> h.append("<li>").append(esc(w)).append("</li>"));
        h.append("</ul></section>\n");
    }
}
