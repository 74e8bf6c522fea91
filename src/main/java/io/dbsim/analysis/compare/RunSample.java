package io.dbsim.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run report (the JSON document of `dbsim run --json`) read for comparison: its headline figures
 * and, for each, the values over consecutive batches of its measured intervals. The measured part
 * starts after the warm-up and, for a closed run without stages, after the ramp-up; the last
 * interval, cut short by the stop, is left out.
 */
public final class RunSample {

    /** Batches per run: enough for a spread, few enough that each batch outlasts short-lived correlation. */
    static final int BATCHES = 10;
    /** Neighbouring seconds are alike; a batch of at least two intervals keeps that from narrowing the noise. */
    static final int MIN_INTERVALS_PER_BATCH = 2;

    private final String label;
    private final JsonNode run;
    private final double[] seconds;
    private final int from;
    private final int to;
    private final Map<String, JsonNode> operations = new LinkedHashMap<>();
    private final Map<String, JsonNode> statements = new LinkedHashMap<>();

    private RunSample(String label, JsonNode run) {
        this.label = label;
        this.run = run;
        JsonNode series = run.path("timeseries");
        int n = series.size();
        this.seconds = new double[n];
        double settle = run.path("config").path("warm_up_s").asDouble();
        boolean ramped = run.path("config").path("model").asText().equals("closed") && run.path("config").path("stages").isEmpty();
        if (ramped) {
            settle = Math.max(settle, run.path("config").path("ramp_up_s").asDouble());
        }
        int first = n;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double t = series.get(i).path("t_s").asDouble();
            seconds[i] = Math.max(1e-9, t - previous);
            if (first == n && previous >= settle - 1e-6) {
                first = i;
            }
            previous = t;
        }
        this.from = first;
        this.to = n - 1 - first >= 2 ? n - 1 : n;
        for (JsonNode op : run.path("operations")) {
            if (op.path("count").asLong() == 0) {
                continue;
            }
            if (!op.path("intervals").isObject()) {
                throw new UsageException(label + " has no per-interval figures (written by an older dbsim): run it again "
                        + "with this version to compare it");
            }
            operations.put(op.path("name").asText(), op);
        }
        for (JsonNode st : run.path("statements")) {
            if (st.path("intervals").isObject()) {
                statements.putIfAbsent(st.path("query").asText(), st);
            }
        }
    }

    /**
     * Reads a run report (as `dbsim run --json` writes it, checked by whoever read the file); one that
     * lacks per-interval figures cannot be compared and is refused.
     */
    public static RunSample of(String label, JsonNode run) {
        return new RunSample(label, run);
    }

    public String label() {
        return label;
    }

    public JsonNode run() {
        return run;
    }

    public List<String> operationNames() {
        return List.copyOf(operations.keySet());
    }

    public List<String> statementQueries() {
        return List.copyOf(statements.keySet());
    }

    public JsonNode statement(String query) {
        return statements.get(query);
    }

    public long operationCount(String name) {
        JsonNode op = operations.get(name);
        return op == null ? 0 : op.path("count").asLong();
    }

    /** The whole run's figure for all operations together. */
    public Figure overall(Metric metric) {
        JsonNode summary = run.path("summary");
        JsonNode series = run.path("timeseries");
        double[] ops = column(series, "ops");
        double[] succeeded = new double[ops.length];
        double[] errors = column(series, "errors");
        for (int i = 0; i < ops.length; i++) {
            succeeded[i] = ops[i] - errors[i];
        }
        return switch (metric) {
            case THROUGHPUT -> new Figure(summary.path("throughput_ops_per_sec").asDouble(), batches(ops, seconds));
            case P50, P95, P99 -> new Figure(summary.path("latency_ms").path(metric.key()).asDouble(),
                    batches(weighted(column(series, metric.key() + "_ms"), succeeded), succeeded));
            case POOL_WAIT -> new Figure(summary.path("pool_wait_ms").path("mean").asDouble(), overallPoolWaitBatches());
            default -> throw new IllegalArgumentException(metric + " is not a figure of the whole run");
        };
    }

    /** One operation's figure; null when the run did not run it. */
    public Figure operation(String name, Metric metric) {
        JsonNode op = operations.get(name);
        if (op == null) {
            return null;
        }
        JsonNode iv = op.path("intervals");
        double[] ok = column(iv, "succeeded");
        double[] failed = column(iv, "failed");
        return switch (metric) {
            case THROUGHPUT -> {
                double[] all = new double[ok.length];
                for (int i = 0; i < ok.length; i++) {
                    all[i] = ok[i] + failed[i];
                }
                double measured = run.path("measured_s").asDouble();
                yield new Figure(measured > 0 ? op.path("count").asDouble() / measured : 0, batches(all, seconds));
            }
            case P50, P95, P99 -> new Figure(op.path("latency_ms").path(metric.key()).asDouble(),
                    batches(weighted(column(iv, metric.key() + "_ms"), ok), ok));
            case POOL_WAIT -> new Figure(op.path("pool_wait_ms").path("mean").asDouble(),
                    batches(weighted(column(iv, "pool_wait_mean_ms"), ok), ok));
            default -> throw new IllegalArgumentException(metric + " is not a figure of an operation");
        };
    }

    /** A statement's mean execution time per call; null when the run did not send it. */
    public Figure statementMean(String query) {
        JsonNode st = statements.get(query);
        if (st == null || st.path("calls").asLong() == 0) {
            return null;
        }
        JsonNode iv = st.path("intervals");
        return new Figure(st.path("mean_ms").asDouble(), batches(column(iv, "total_ms"), column(iv, "calls")));
    }

    /** Failed and all operations, overall ({@code name} null) or of one operation. */
    public long[] errors(String name) {
        if (name == null) {
            return new long[] {run.path("summary").path("failed").asLong(), run.path("summary").path("operations").asLong()};
        }
        JsonNode op = operations.get(name);
        return op == null ? new long[] {0, 0} : new long[] {op.path("failed").asLong(), op.path("count").asLong()};
    }

    private double[] overallPoolWaitBatches() {
        int n = seconds.length;
        double[] num = new double[n];
        double[] den = new double[n];
        for (JsonNode op : operations.values()) {
            double[] ok = column(op.path("intervals"), "succeeded");
            double[] wait = column(op.path("intervals"), "pool_wait_mean_ms");
            for (int i = 0; i < n && i < ok.length; i++) {
                num[i] += ok[i] * wait[i];
                den[i] += ok[i];
            }
        }
        return batches(num, den);
    }

    /**
     * The ratio of sums over each batch of consecutive measured intervals, for batches with any
     * denominator: operations per second, count-weighted latency, execution time per call.
     */
    private double[] batches(double[] numerator, double[] denominator) {
        int m = Math.min(to, Math.min(numerator.length, denominator.length)) - from;
        if (m <= 0) {
            return new double[0];
        }
        int k = Math.min(BATCHES, m / MIN_INTERVALS_PER_BATCH);
        List<Double> out = new ArrayList<>(k);
        for (int b = 0; b < k; b++) {
            int start = from + b * m / k;
            int end = from + (b + 1) * m / k;
            double n = 0;
            double d = 0;
            for (int i = start; i < end; i++) {
                n += numerator[i];
                d += denominator[i];
            }
            if (d > 0) {
                out.add(n / d);
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double[] weighted(double[] values, double[] weights) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length && i < weights.length; i++) {
            out[i] = values[i] * weights[i];
        }
        return out;
    }

    /** A column of numbers: the named array of a columnar object, or the named field of each element of an array. */
    private static double[] column(JsonNode node, String field) {
        JsonNode values = node.isArray() ? node : node.path(field);
        double[] out = new double[values.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = node.isArray() ? values.get(i).path(field).asDouble() : values.get(i).asDouble();
        }
        return out;
    }
}
