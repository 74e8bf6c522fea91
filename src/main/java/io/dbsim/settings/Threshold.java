package io.dbsim.settings;

import io.dbsim.UsageException;
import io.dbsim.workload.Operations;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion in k6's words: {@code [operation.][pool_wait.|database.]stat <op> value}, e.g.
 * {@code p95<500ms}, {@code read_member_detail.p99<200ms}, {@code pool_wait.p95<50ms},
 * {@code error_rate<1%}, {@code throughput>500/s}. Parsed before the run, so a typo is an error,
 * never a silent pass.
 *
 * @param operation null for the whole run
 * @param part      latency part: total, pool_wait or database (null for rates)
 * @param stat      p50, p90, p95, p99, p99.9, mean, min, max, error_rate or throughput
 * @param limit     in milliseconds, percent or operations per second
 */
public record Threshold(String expression, String operation, String part, String stat, String comparator, double limit) {

    private static final Pattern SHAPE = Pattern.compile("^\\s*([A-Za-z0-9_.]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-z%/]*)\\s*$");
    private static final List<String> LATENCY_STATS = List.of("p50", "p90", "p95", "p99", "p99.9", "mean", "max", "min");
    private static final List<String> PARTS = List.of("pool_wait", "database");
    private static final String HELP = "write thresholds like p95<500ms, read_member_detail.p99<200ms, pool_wait.p95<50ms, "
            + "error_rate<1% or throughput>500/s";

    public static Threshold parse(String expression) {
        Matcher m = SHAPE.matcher(expression);
        if (!m.matches()) {
            throw new UsageException("threshold '" + expression + "' is not understood: " + HELP);
        }
        String metric = m.group(1);
        String comparator = m.group(2);
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        String operation = null;
        String part = null;
        String rest = metric;
        int dot = rest.indexOf('.');
        if (dot > 0 && !LATENCY_STATS.contains(rest) && !PARTS.contains(rest.substring(0, dot))) {
            operation = rest.substring(0, dot);
            try {
                Operations.named(operation);
            } catch (UsageException e) {
                throw new UsageException("threshold '" + expression + "': " + e.getMessage());
            }
            rest = rest.substring(dot + 1);
        }
        dot = rest.indexOf('.');
        if (dot > 0 && PARTS.contains(rest.substring(0, dot))) {
            part = rest.substring(0, dot);
            rest = rest.substring(dot + 1);
        }
        String stat = rest;
        double limit;
        if (LATENCY_STATS.contains(stat)) {
            limit = switch (unit) {
                case "ms", "" -> value;
                case "s" -> value * 1000;
                case "us" -> value / 1000;
                default -> throw new UsageException("threshold '" + expression + "': a latency is in ms, s or us, not '" + unit + "'");
            };
            part = part == null ? "total" : part;
        } else if (stat.equals("error_rate") && part == null) {
            if (!unit.equals("%")) {
                throw new UsageException("threshold '" + expression + "': an error rate is a percentage with its %, e.g. "
                        + "error_rate<1% (k6's rate<0.01)");
            }
            limit = value;
        } else if (stat.equals("throughput") && part == null) {
            limit = switch (unit) {
                case "/s", "" -> value;
                case "/m" -> value / 60;
                default -> throw new UsageException("threshold '" + expression + "': a throughput is per second or minute, e.g. throughput>500/s");
            };
        } else {
            throw new UsageException("threshold '" + expression + "': unknown metric '" + metric + "'; known: "
                    + String.join(", ", LATENCY_STATS) + " (optionally after pool_wait. or database.), error_rate, throughput, "
                    + "each optionally after an operation name: " + HELP);
        }
        return new Threshold(expression.trim(), operation, part, stat, comparator, limit);
    }

    public boolean passes(double measured) {
        return switch (comparator) {
            case "<" -> measured < limit;
            case "<=" -> measured <= limit;
            case ">" -> measured > limit;
            default -> measured >= limit;
        };
    }

    public String unit() {
        return switch (stat) {
            case "error_rate" -> "%";
            case "throughput" -> "ops/s";
            default -> "ms";
        };
    }

    public String format(double v) {
        return String.format(Locale.ROOT, "%.2f %s", v, unit());
    }
}
