package io.dbsim.analysis.compare;

import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport.OperationIntervals;
import io.dbsim.analysis.RunReport.OperationRow;
import io.dbsim.analysis.RunReport.Point;
import io.dbsim.analysis.RunReport.StatementRow;
import io.dbsim.analysis.RunReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run report read for comparison: its headline figures and, for each, the values over consecutive
 * batches of its measured intervals. The measured part starts after the warm-up and, for a closed run
 * without stages, after the ramp-up; the last interval, cut short by the stop, is left out.
 */
public final class RunSample {

    /** Batches per run: enough for a spread, few enough that each batch outlasts short-lived correlation. */
    static final int BATCHES = 10;
    /** Neighbouring seconds are alike; a batch of at least two intervals keeps that from narrowing the noise. */
    static final int MIN_INTERVALS_PER_BATCH = 2;

    private final String label;
    private final RunReport run;
    private final double[] seconds;
    private final int from;
    private final int to;
    private final Map<String, OperationRow> operations = new LinkedHashMap<>();
    private final Map<String, StatementRow> statements = new LinkedHashMap<>();

    private RunSample(String label, RunReport run) {
        this.label = label;
        this.run = run;
        List<Point> series = run.timeseries();
        int n = series.size();
        this.seconds = new double[n];
        double settle = run.config().warmUpS();
        boolean ramped = !run.config().openModel() && !run.config().staged();
        if (ramped) {
            settle = Math.max(settle, run.config().rampUpS());
        }
        int first = n;
        double previous = 0;
        for (int i = 0; i < n; i++) {
            double t = series.get(i).tS();
            seconds[i] = Math.max(1e-9, t - previous);
            if (first == n && previous >= settle - 1e-6) {
                first = i;
            }
            previous = t;
        }
        this.from = first;
        this.to = n - 1 - first >= 2 ? n - 1 : n;
        for (OperationRow op : run.operations()) {
            if (op.count() == 0) {
                continue;
            }
            if (op.intervals() == null) {
                throw new UsageException(label + " has no per-interval figures (written by an older dbsim): run it again "
                        + "with this version to compare it");
            }
            operations.put(op.name(), op);
        }
        if (run.statements() != null) {
            for (StatementRow st : run.statements()) {
                if (st.intervals() != null) {
                    statements.putIfAbsent(st.query(), st);
                }
            }
        }
    }

    /** A run report; one that lacks per-interval figures cannot be compared and is refused. */
    public static RunSample of(String label, RunReport run) {
        return new RunSample(label, run);
    }

    public String label() {
        return label;
    }

    public RunReport run() {
        return run;
    }

    public List<String> operationNames() {
        return List.copyOf(operations.keySet());
    }

    public List<String> statementQueries() {
        return List.copyOf(statements.keySet());
    }

    public StatementRow statement(String query) {
        return statements.get(query);
    }

    public long operationCount(String name) {
        OperationRow op = operations.get(name);
        return op == null ? 0 : op.count();
    }

    /** The whole run's figure for all operations together. */
    public Figure overall(Metric metric) {
        RunReport.Summary summary = run.summary();
        List<Point> series = run.timeseries();
        double[] ops = new double[series.size()];
        double[] succeeded = new double[series.size()];
        for (int i = 0; i < ops.length; i++) {
            ops[i] = series.get(i).ops();
            succeeded[i] = series.get(i).ops() - series.get(i).errors();
        }
        return switch (metric) {
            case THROUGHPUT -> new Figure(summary.throughputOpsPerSec(), batches(ops, seconds));
            case P50 -> new Figure(summary.latencyMs().p50(),
                    batches(weighted(series.stream().mapToDouble(Point::p50Ms).toArray(), succeeded), succeeded));
            case P95 -> new Figure(summary.latencyMs().p95(),
                    batches(weighted(series.stream().mapToDouble(Point::p95Ms).toArray(), succeeded), succeeded));
            case P99 -> new Figure(summary.latencyMs().p99(),
                    batches(weighted(series.stream().mapToDouble(Point::p99Ms).toArray(), succeeded), succeeded));
            case POOL_WAIT -> new Figure(summary.poolWaitMs().mean(), overallPoolWaitBatches());
            default -> throw new IllegalArgumentException(metric + " is not a figure of the whole run");
        };
    }

    /** One operation's figure; null when the run did not run it. */
    public Figure operation(String name, Metric metric) {
        OperationRow op = operations.get(name);
        if (op == null) {
            return null;
        }
        OperationIntervals iv = op.intervals();
        double[] ok = doubles(iv.succeeded());
        double[] failed = doubles(iv.failed());
        return switch (metric) {
            case THROUGHPUT -> {
                double[] all = new double[ok.length];
                for (int i = 0; i < ok.length; i++) {
                    all[i] = ok[i] + failed[i];
                }
                yield new Figure(run.measuredS() > 0 ? op.count() / run.measuredS() : 0, batches(all, seconds));
            }
            case P50 -> new Figure(op.latencyMs().p50(), batches(weighted(iv.p50Ms(), ok), ok));
            case P95 -> new Figure(op.latencyMs().p95(), batches(weighted(iv.p95Ms(), ok), ok));
            case P99 -> new Figure(op.latencyMs().p99(), batches(weighted(iv.p99Ms(), ok), ok));
            case POOL_WAIT -> new Figure(op.poolWaitMs().mean(), batches(weighted(iv.poolWaitMeanMs(), ok), ok));
            default -> throw new IllegalArgumentException(metric + " is not a figure of an operation");
        };
    }

    /** A statement's mean execution time per call; null when the run did not send it. */
    public Figure statementMean(String query) {
        StatementRow st = statements.get(query);
        if (st == null || st.calls() == 0) {
            return null;
        }
        return new Figure(st.meanMs(), batches(st.intervals().totalMs(), doubles(st.intervals().calls())));
    }

    /** Failed and all operations, overall ({@code name} null) or of one operation. */
    public long[] errors(String name) {
        if (name == null) {
            return new long[] {run.summary().failed(), run.summary().operations()};
        }
        OperationRow op = operations.get(name);
        return op == null ? new long[] {0, 0} : new long[] {op.failed(), op.count()};
    }

    private double[] overallPoolWaitBatches() {
        int n = seconds.length;
        double[] num = new double[n];
        double[] den = new double[n];
        for (OperationRow op : operations.values()) {
            long[] ok = op.intervals().succeeded();
            double[] wait = op.intervals().poolWaitMeanMs();
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

    private static double[] doubles(long[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
