package io.dbsim.analysis;

import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.settings.Threshold;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;

/**
 * Every threshold with the value the run measured, and the verdict: GO when all pass, NO-GO when
 * any fails. A threshold on an operation the run never executed fails: no data is not a pass, nor is
 * a recovery time when an outage did not recover.
 */
public record Verdict(List<Result> results) {

    public record Result(Threshold threshold, double measured, boolean passed) {

        public boolean measuredAtAll() {
            return !Double.isNaN(measured);
        }
    }

    public static Verdict of(RunResult run, RunSummary s, Outages outages, List<Threshold> thresholds) {
        double seconds = Math.max(1e-9, run.measured().toNanos() / 1e9);
        List<Result> results = new ArrayList<>();
        for (Threshold t : thresholds) {
            if (t.onOutages()) {
                double measured = switch (t.stat()) {
                    case "recovery_time" -> outages.longestRecoverySeconds();
                    case "outage_failures" -> outages.failures();
                    default -> outages.outages().size();
                };
                results.add(new Result(t, measured, !Double.isNaN(measured) && t.passes(measured)));
                continue;
            }
            Histogram total;
            Histogram wait;
            Histogram db;
            long count;
            long failed;
            if (t.operation() == null) {
                total = s.total();
                wait = s.poolWait();
                db = s.database();
                count = s.operations();
                failed = s.failed();
            } else {
                OperationMetrics.Summary op = run.operations().stream().filter(o -> o.name().equals(t.operation())).findFirst()
                        .orElse(null);
                if (op == null) {
                    results.add(new Result(t, Double.NaN, false));
                    continue;
                }
                total = op.total();
                wait = op.poolWait();
                db = op.database();
                count = op.count();
                failed = op.failed();
            }
            double measured = switch (t.stat()) {
                case "error_rate" -> count == 0 ? Double.NaN : 100.0 * failed / count;
                case "throughput" -> count / seconds;
                default -> latency(switch (t.part()) {
                    case "pool_wait" -> wait;
                    case "database" -> db;
                    default -> total;
                }, t.stat());
            };
            results.add(new Result(t, measured, !Double.isNaN(measured) && t.passes(measured)));
        }
        return new Verdict(List.copyOf(results));
    }

    /** A latency statistic of a threshold (mean, min, max or a percentile pN) in ms; NaN when nothing was measured. */
    static double latency(Histogram h, String stat) {
        if (h.getTotalCount() == 0) {
            return Double.NaN;
        }
        return switch (stat) {
            case "mean" -> RunSummary.meanMs(h);
            case "max" -> RunSummary.maxMs(h);
            case "min" -> RunSummary.minMs(h);
            default -> RunSummary.ms(h, Double.parseDouble(stat.substring(1)));
        };
    }

    public boolean go() {
        return results.stream().allMatch(Result::passed);
    }

}
