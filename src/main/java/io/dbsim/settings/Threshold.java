package io.dbsim.settings;

import io.dbsim.UsageException;

import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pass/fail criterion, in dbsim's words or k6's: {@code [operation.][pool_wait.|database.]stat <op> value},
 * e.g. {@code p95<500ms}, {@code p(95)<500}, {@code avg<200}, {@code med<100}, {@code read_member_detail.p99<200ms},
 * {@code pool_wait.p95<50ms}, {@code error_rate<1%}, {@code rate<0.01} (k6's error rate, a fraction),
 * {@code throughput>500/s}, and on the run's outages {@code recovery_time<5s} (the longest recovery), {@code outage_failures<100}
 * (failures during outages) and {@code outages<1}; a trailing {@code ,abortOnFail} (and {@code ,delayAbortEval=10s}) stops the run once
 * it fails, as k6's option does. Parsed before the run, so a typo is an error, never a silent pass; whether the
 * operation exists is checked once the workload is known.
 *
 * @param operation      null for the whole run
 * @param part           latency part: total, pool_wait or database (null for rates)
 * @param stat           pN (any percentile, e.g. p95, p99.9), mean, min, max, error_rate, throughput, recovery_time,
 *                       outage_failures or outages
 * @param limit          in milliseconds, percent or operations per second; seconds for recovery_time, a count for
 *                       outage_failures and outages
 * @param abortOnFail    stop the run as soon as this threshold fails (after {@code delayAbortEval})
 */
public record Threshold(String expression, String operation, String part, String stat, String comparator, double limit,
                        boolean abortOnFail, Duration delayAbortEval) {

    private static final Pattern SHAPE = Pattern.compile(
            "^\\s*([A-Za-z0-9_.()-]+)\\s*(<=|>=|<|>)\\s*([0-9]+(?:\\.[0-9]+)?)\\s*([a-z%/]*)\\s*$");
    private static final Pattern K6_PERCENTILE = Pattern.compile("p\\((\\d+(?:\\.\\d+)?)\\)");
    /** dbsim's own percentiles by name; k6's p(N) takes any N, read through a placeholder no one can type (§). */
    private static final Pattern STAT = Pattern.compile("(?:^|\\.)(p50|p90|p95|p99|p99\\.9|p\u00a7|mean|avg|med|min|max|error_rate|rate|throughput|recovery_time|outage_failures|outages)$");
    /** Of the whole run's outages, never of one operation. */
    private static final Set<String> OUTAGE_STATS = Set.of("recovery_time", "outage_failures", "outages");
    private static final Pattern PERCENTILE = Pattern.compile("p(\\d+(?:\\.\\d+)?)");
    private static final String HELP = "write thresholds like p95<500ms, p(95)<500, avg<200, read_member_detail.p99<200ms, "
            + "pool_wait.p95<50ms, error_rate<1% (or k6's rate<0.01), throughput>500/s, recovery_time<5s or outage_failures<100";

    /** One threshold as written on the command line or in a scenario file, options after commas. */
    public static Threshold parse(String written) {
        String[] parts = written.split(",");
        boolean abort = false;
        Duration delay = Duration.ZERO;
        for (int i = 1; i < parts.length; i++) {
            String option = parts[i].trim();
            if (option.equals("abortOnFail")) {
                abort = true;
            } else if (option.startsWith("delayAbortEval=")) {
                delay = Durations.parse(option.substring("delayAbortEval=".length()), "threshold '" + written + "': delayAbortEval");
            } else {
                throw new UsageException("threshold '" + written + "': unknown option '" + option
                        + "'; the options are abortOnFail and delayAbortEval=TIME, e.g. p95<500ms,abortOnFail");
            }
        }
        return parse(parts[0], abort, delay);
    }

    public static Threshold parse(String expression, boolean abortOnFail, Duration delayAbortEval) {
        Matcher m = SHAPE.matcher(expression);
        if (!m.matches()) {
            throw new UsageException("threshold '" + expression + "' is not understood: " + HELP);
        }
        Matcher k6 = K6_PERCENTILE.matcher(m.group(1));
        String k6Percentile = k6.find() ? k6.group(1) : null;
        String metric = k6Percentile == null ? m.group(1) : k6.replaceFirst("p\u00a7");
        String comparator = m.group(2);
        double value = Double.parseDouble(m.group(3));
        String unit = m.group(4);
        Matcher s = STAT.matcher(metric);
        if (!s.find()) {
            throw new UsageException("threshold '" + expression + "': unknown metric '" + m.group(1) + "'; known: p50, p90, p95, p99, "
                    + "p99.9, k6's p(N) for any N, mean (avg), med, min, max (optionally after pool_wait. or database.), error_rate (or rate), "
                    + "throughput, each optionally after an operation name, and the run's recovery_time, outage_failures and outages: " + HELP);
        }
        String stat = switch (s.group(1)) {
            case "avg" -> "mean";
            case "med" -> "p50";
            case "rate" -> "error_rate";
            case "p\u00a7" -> "p" + k6Percentile;
            default -> s.group(1);
        };
        String prefix = metric.substring(0, s.start());
        String operation = null;
        String part = null;
        if (prefix.endsWith(".pool_wait") || prefix.equals("pool_wait")) {
            part = "pool_wait";
        } else if (prefix.endsWith(".database") || prefix.equals("database")) {
            part = "database";
        }
        if (part != null) {
            prefix = prefix.substring(0, Math.max(0, prefix.length() - part.length() - 1));
        }
        if (!prefix.isEmpty()) {
            if (!prefix.matches("[A-Za-z0-9_-]+")) {
                throw new UsageException("threshold '" + expression + "': '" + prefix + "' is not an operation name: " + HELP);
            }
            operation = prefix;
        }
        double limit;
        if (PERCENTILE.matcher(stat).matches() || stat.equals("mean") || stat.equals("min") || stat.equals("max")) {
            double percentile = stat.startsWith("p") ? Double.parseDouble(stat.substring(1)) : 0;
            if (percentile > 100) {
                throw new UsageException("threshold '" + expression + "': a percentile is at most p100");
            }
            limit = switch (unit) {
                case "ms", "" -> value;
                case "s" -> value * 1000;
                case "us" -> value / 1000;
                default -> throw new UsageException("threshold '" + expression + "': a latency is in ms, s or us, not '" + unit + "'");
            };
            part = part == null ? "total" : part;
        } else if (part != null) {
            throw new UsageException("threshold '" + expression + "': " + part + ". goes with a latency statistic such as p95 or mean");
        } else if (OUTAGE_STATS.contains(stat)) {
            limit = outageLimit(expression, stat, operation, value, unit);
        } else if (stat.equals("error_rate")) {
            if (s.group(1).equals("rate")) {
                if (!unit.isEmpty() || value > 1) {
                    throw new UsageException("threshold '" + expression + "': k6's rate is a fraction of operations, e.g. rate<0.01 "
                            + "(or write error_rate<1%)");
                }
                limit = value * 100;
            } else if (!unit.equals("%")) {
                throw new UsageException("threshold '" + expression + "': an error rate is a percentage with its %, e.g. "
                        + "error_rate<1% (k6's rate<0.01)");
            } else {
                limit = value;
            }
        } else {
            limit = switch (unit) {
                case "/s", "" -> value;
                case "/m" -> value / 60;
                default -> throw new UsageException("threshold '" + expression + "': a throughput is per second or minute, e.g. throughput>500/s");
            };
        }
        if (abortOnFail && !"total".equals(part) && part != null) {
            throw new UsageException("threshold '" + expression + "': abortOnFail is checked during the run on response time, error "
                    + "rate and throughput; for " + part + " leave it to the verdict at the end");
        }
        return new Threshold(expression.trim(), operation, part, stat, comparator, limit, abortOnFail, delayAbortEval);
    }

    private static double outageLimit(String expression, String stat, String operation, double value, String unit) {
        if (operation != null) {
            throw new UsageException("threshold '" + expression + "': " + stat + " is of the whole run's outages, not of one "
                    + "operation: write it without the operation, e.g. recovery_time<5s or outage_failures<100");
        }
        if (!stat.equals("recovery_time")) {
            if (!unit.isEmpty()) {
                throw new UsageException("threshold '" + expression + "': " + stat + " is a count, without a unit, e.g. " + stat + "<100");
            }
            return value;
        }
        return switch (unit) {
            case "s", "" -> value;
            case "ms" -> value / 1000;
            case "m" -> value * 60;
            default -> throw new UsageException("threshold '" + expression + "': a recovery time is in s, ms or m, e.g. recovery_time<5s");
        };
    }

    /** Whether this threshold is on the run's outages rather than on its operations. */
    public boolean onOutages() {
        return OUTAGE_STATS.contains(stat);
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
            case "recovery_time" -> "s";
            case "outage_failures" -> "failures";
            case "outages" -> "outages";
            default -> "ms";
        };
    }

    public String format(double v) {
        return String.format(Locale.ROOT, "%.2f %s", v, unit());
    }
}
