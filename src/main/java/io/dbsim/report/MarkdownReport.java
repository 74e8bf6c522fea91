package io.dbsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.Text;
import io.dbsim.UsageException;
import io.dbsim.analysis.Bottlenecks;
import io.dbsim.analysis.SpikeRecovery;
import io.dbsim.analysis.Trends;
import io.dbsim.analysis.Verdict;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.Metric;
import io.dbsim.analysis.compare.RunSample;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.StreamSupport;

/**
 * The load test report teams fill in by hand, filled in from a run's JSON document: executive
 * summary, configuration, response times against their targets, errors, throughput, cache, slowest
 * operations and statements, pool and database utilisation, bottlenecks, a comparison with a
 * baseline run, recommendations and the GO/NO-GO.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static void write(JsonNode run, JsonNode baseline, Path file) {
        String md = render(run, baseline);
        AtomicFiles.write(file, "Markdown report", tmp -> Files.writeString(tmp, md, StandardCharsets.UTF_8));
    }

    static String render(JsonNode run, JsonNode baseline) {
        StringBuilder m = new StringBuilder();
        JsonNode s = run.path("summary");
        JsonNode c = run.path("config");
        String verdict = run.path("verdict").asText("");
        List<JsonNode> findings = list(run.path("bottlenecks"));
        m.append("# Load test report\n\n");
        m.append("## Executive summary\n\n");
        m.append(String.format(Locale.ROOT, "- **Verdict: %s**%n", verdict.isEmpty()
                ? "not decided (no thresholds were set; add --threshold to make this a GO/NO-GO decision)" : verdict));
        m.append(String.format(Locale.ROOT, "- %,d operations at %s ops/s; p95 %s ms, p99 %s ms; %s%% failed%n",
                s.path("operations").asLong(), n(s.path("throughput_ops_per_sec"), 1), n(s.path("latency_ms").path("p95"), 1),
                n(s.path("latency_ms").path("p99"), 1), n2(s.path("error_rate_pct").asDouble())));
        m.append(findings.isEmpty() ? "- No bottleneck found.\n"
                : "- " + findings.size() + " bottleneck" + (findings.size() == 1 ? "" : "s") + "; the most costly: "
                + findings.get(0).path("title").asText() + "\n");
        if (run.path("interrupted").asBoolean()) {
            m.append("- The run was interrupted: the figures cover what ran until the stop.\n");
        }

        m.append("\n## Test configuration\n\n| setting | value |\n|---|---|\n");
        row(m, "database", run.path("database").path("target").asText() + " (PostgreSQL " + run.path("database").path("server_version").asText() + ")");
        row(m, "started", run.path("started_at").asText());
        row(m, "pattern", c.path("pattern").asText());
        row(m, "model", c.path("model").asText() + (c.path("stages").isEmpty() ? "" : ", stages " + c.path("stages")));
        row(m, "users", c.path("users").asText());
        row(m, "think time", c.path("think_time_ms").asText() + " ms");
        row(m, "pool", c.path("pool_size").asText() + " connections, " + c.path("pool_queue").asText() + " queue");
        row(m, "duration", n(run.path("elapsed_s"), 1) + " s (measured " + n(run.path("measured_s"), 1) + " s)");

        m.append("\n## Response times\n\n| metric | target | actual | status |\n|---|---|---|---|\n");
        List<JsonNode> thresholds = list(run.path("thresholds"));
        for (String p : List.of("p50", "p95", "p99", "max")) {
            List<JsonNode> targets = thresholds.stream().filter(x -> x.path("operation").isNull() && x.path("metric").asText().equals(p))
                    .toList();
            if (targets.isEmpty()) {
                m.append("| ").append(p).append(" | - | ").append(n(s.path("latency_ms").path(p), 2)).append(" ms | - |\n");
            }
            for (JsonNode t : targets) {
                m.append("| ").append(p).append(" | `").append(t.path("threshold").asText()).append("` | ")
                        .append(n(s.path("latency_ms").path(p), 2)).append(" ms | ")
                        .append(t.path("passed").asBoolean() ? "pass" : "**FAIL**").append(" |\n");
            }
        }
        for (JsonNode t : thresholds) {
            if (!t.path("operation").isNull() || !List.of("p50", "p95", "p99", "max").contains(t.path("metric").asText())) {
                m.append("| ").append(t.path("operation").isNull() ? t.path("metric").asText()
                                : t.path("operation").asText() + "." + t.path("metric").asText()).append(" | `")
                        .append(t.path("threshold").asText()).append("` | ")
                        .append(t.path("measured").isNull() ? "not measured" : n(t.path("measured"), 2) + " " + t.path("unit").asText())
                        .append(" | ").append(t.path("passed").asBoolean() ? "pass" : "**FAIL**").append(" |\n");
            }
        }

        List<JsonNode> flows = list(run.path("flows"));
        if (!flows.isEmpty()) {
            m.append("\n## Flows\n\nA journey's time is its steps' response times summed, think time left out; each step's own "
                    + "timings are its operation's row below.\n\n| flow | journeys | failed | mean ms | p95 ms | p99 ms | steps |\n|---|---|---|---|---|---|---|\n");
            for (JsonNode f : flows) {
                m.append("| ").append(f.path("name").asText()).append(" | ").append(f.path("journeys").asLong()).append(" | ")
                        .append(f.path("failed").asLong()).append(" | ").append(n(f.path("latency_ms").path("mean"), 1)).append(" | ")
                        .append(n(f.path("latency_ms").path("p95"), 1)).append(" | ").append(n(f.path("latency_ms").path("p99"), 1))
                        .append(" | ").append(String.join(" > ", list(f.path("steps")).stream().map(JsonNode::asText).toList()))
                        .append(" |\n");
            }
            m.append("\n| step | operation | count | mean ms | p95 ms |\n|---|---|---|---|---|\n");
            for (JsonNode f : flows) {
                int i = 1;
                for (JsonNode step : f.path("steps")) {
                    JsonNode op = list(run.path("operations")).stream().filter(o -> o.path("name").asText().equals(step.asText()))
                            .findFirst().orElse(null);
                    m.append("| ").append(f.path("name").asText()).append(" ").append(i++).append(" | ").append(step.asText())
                            .append(" | ").append(op == null ? "0" : op.path("count").asText()).append(" | ")
                            .append(op == null ? "-" : n(op.path("latency_ms").path("mean"), 2)).append(" | ")
                            .append(op == null ? "-" : n(op.path("latency_ms").path("p95"), 2)).append(" |\n");
                }
            }
        }

        m.append("\n## Errors\n\n");
        if (s.path("failed").asLong() == 0) {
            m.append("No operation failed.\n");
        } else {
            m.append("| class | count |\n|---|---|\n");
            s.path("errors").fields().forEachRemaining(e -> {
                if (e.getValue().asLong() > 0) {
                    m.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asLong()).append(" |\n");
                }
            });
        }

        List<JsonNode> points = list(run.path("timeseries")).stream()
                .filter(p -> p.path("t_s").asDouble() > c.path("warm_up_s").asDouble() && p.path("users").asInt() > 0).toList();
        points = points.size() > 2 ? points.subList(0, points.size() - 1) : points;
        m.append("\n## Throughput\n\n| average | peak | minimum |\n|---|---|---|\n");
        m.append("| ").append(n(s.path("throughput_ops_per_sec"), 1)).append(" ops/s | ")
                .append(String.format(Locale.ROOT, "%.1f", points.stream().mapToDouble(p -> p.path("ops_per_sec").asDouble()).max().orElse(0)))
                .append(" ops/s | ")
                .append(String.format(Locale.ROOT, "%.1f", points.stream().mapToDouble(p -> p.path("ops_per_sec").asDouble()).min().orElse(0)))
                .append(" ops/s |\n\nPeak and minimum are per sample interval, after the warm-up, while users ran (a stall shows as 0).\n");

        JsonNode activity = run.path("database").path("activity");
        m.append("\n## Cache hit ratio\n\n").append(activity.path("cache_hit_pct").isNumber()
                ? n(activity.path("cache_hit_pct"), 2) + "% of block requests served from shared buffers (" + activity.path("blocks_read").asLong()
                + " blocks read).\n" : "Not measured.\n");

        m.append("\n## Slowest operations (by p95)\n\n| operation | count | mean ms | p95 ms | p99 ms |\n|---|---|---|---|---|\n");
        list(run.path("operations")).stream().sorted(Comparator.comparingDouble((JsonNode o) -> -o.path("latency_ms").path("p95").asDouble()))
                .limit(5).forEach(o -> m.append("| ").append(o.path("name").asText()).append(" | ").append(o.path("count").asLong()).append(" | ")
                        .append(n(o.path("latency_ms").path("mean"), 2)).append(" | ").append(n(o.path("latency_ms").path("p95"), 2))
                        .append(" | ").append(n(o.path("latency_ms").path("p99"), 2)).append(" |\n"));

        m.append("\n## Slowest statements (pg_stat_statements, by mean time)\n\n");
        List<JsonNode> statements = list(run.path("statements"));
        if (statements.isEmpty()) {
            m.append("Not available").append(run.path("notes").isEmpty() ? "." : ": " + run.path("notes").path(0).asText()).append("\n");
        } else {
            m.append("| operation | calls | mean ms | total ms | query |\n|---|---|---|---|---|\n");
            statements.stream().sorted(Comparator.comparingDouble((JsonNode x) -> -x.path("mean_ms").asDouble())).limit(5)
                    .forEach(x -> m.append("| ").append(x.path("operation").asText("-")).append(" | ").append(x.path("calls").asLong())
                            .append(" | ").append(n(x.path("mean_ms"), 3)).append(" | ").append(n(x.path("total_ms"), 1)).append(" | `")
                            .append(Text.oneLine(x.path("query").asText(), 100).replace("|", "\\|").replace("`", "'")).append("` |\n"));
        }

        JsonNode pool = run.path("pool");
        JsonNode waits = run.path("database").path("wait_events");
        m.append("\n## Pool and database utilisation\n\n");
        m.append(String.format(Locale.ROOT, "- Pool of %d: %s%% utilised on average (%s busy), users waited in %s%% of samples (peak %d waiting); "
                        + "waiting took %s%% of response time.%n", pool.path("size").asInt(), n(pool.path("utilisation_pct"), 0),
                n(pool.path("active_mean"), 1), n(pool.path("saturation_pct"), 0), pool.path("waiting_peak").asInt(),
                n(s.path("pool_wait_share_pct"), 1)));
        if (waits.path("busy_backend_samples").asLong() > 0) {
            List<String> top = new ArrayList<>();
            waits.path("events").fields().forEachRemaining(e -> top.add(String.format(Locale.ROOT, "%s %.0f%%", e.getKey(),
                    100.0 * e.getValue().asLong() / waits.path("busy_backend_samples").asLong())));
            m.append("- Database backends were busy with: ").append(String.join(", ", top.subList(0, Math.min(5, top.size())))).append(".\n");
        }
        m.append(String.format(Locale.ROOT, "- Simulator CPU %s%% on average (host %s%%).%n", n(pool.path("simulator_cpu_mean_pct"), 0),
                n(pool.path("host_cpu_mean_pct"), 0)));

        JsonNode spike = run.path("spike");
        if (spike.isObject()) {
            m.append("\n## Spike recovery\n\nBaseline ").append(SpikeRecovery.sentence(spike)).append(".\n");
        }
        JsonNode trends = run.path("trends");
        if (trends.isObject()) {
            m.append("\n## Trends\n\n| series | start | end | change | p-value |\n|---|---|---|---|---|\n");
            for (String key : List.of("heap_after_gc_mb", "backends", "p95_ms")) {
                JsonNode l = trends.path(key);
                m.append("| ").append(key).append(" | ").append(n(l.path("start"), 1)).append(" | ").append(n(l.path("end"), 1))
                        .append(" | ").append(n(l.path("growth_pct"), 1)).append("% | ")
                        .append(l.path("p_value").isNull() ? "-" : String.format(Locale.ROOT, "%.3g", l.path("p_value").asDouble())).append(" |\n");
            }
            m.append("\n").append(trends.path("leak_suspected").asBoolean() ? "**A leak is suspected.**"
                    : "No leak suspected.").append(trends.path("latency_drift").asBoolean() ? " Latency drifts up." : "").append("\n");
        }

        m.append("\n## Bottlenecks\n\n");
        if (findings.isEmpty()) {
            m.append("None found.\n");
        }
        for (JsonNode f : findings) {
            m.append(f.path("rank").asInt()).append(". **[").append(f.path("severity").asText()).append("] ").append(f.path("title").asText())
                    .append("**\n");
            f.path("evidence").forEach(e -> m.append("   - ").append(e.asText()).append("\n"));
            m.append("   - Impact: ").append(f.path("impact").asText()).append("\n");
        }

        if (baseline != null) {
            baselineComparison(m, run, baseline);
        }

        m.append("\n## Recommendations\n\n");
        if (findings.isEmpty()) {
            m.append("Nothing to change for this load.\n");
        }
        for (JsonNode f : findings) {
            m.append("- ").append(f.path("fix").asText()).append("\n");
        }

        m.append("\n## GO / NO-GO\n\n");
        if (verdict.isEmpty()) {
            m.append("Not decided: no thresholds were set.\n");
        } else {
            long failed = thresholds.stream().filter(t -> !t.path("passed").asBoolean()).count();
            m.append("**").append(verdict).append("**: ").append(failed == 0 ? "every threshold passed"
                    : failed + " of " + thresholds.size() + " thresholds failed").append(".\n");
        }
        return m.toString();
    }

    /**
     * The whole run and each operation's p95 against the baseline, with verdicts from both runs' own
     * noise; a baseline of other conditions is compared anyway, its differences listed first.
     */
    private static void baselineComparison(StringBuilder m, JsonNode run, JsonNode baseline) {
        m.append("\n## Comparison with the baseline run\n\nBaseline: ").append(baseline.path("started_at").asText())
                .append(" (").append(baseline.path("config").path("pattern").asText()).append(", ")
                .append(baseline.path("config").path("users").asText()).append(" users).");
        Comparison c;
        try {
            c = Comparison.of(List.of(RunSample.of("baseline", baseline)), List.of(RunSample.of("this run", run)), true);
        } catch (UsageException e) {
            m.append(" It cannot be compared: ").append(e.getMessage()).append('\n');
            return;
        }
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

    private static void row(StringBuilder m, String key, String value) {
        m.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
    }

    private static List<JsonNode> list(JsonNode array) {
        return array.isArray() ? StreamSupport.stream(array.spliterator(), false).toList() : List.of();
    }

    private static String n(JsonNode v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v.asDouble());
    }

    private static String n2(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }

}
