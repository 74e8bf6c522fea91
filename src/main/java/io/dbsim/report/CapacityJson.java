package io.dbsim.report;

import io.dbsim.capacity.CapacityPlan;
import io.dbsim.capacity.ClosedSystemModel;
import io.dbsim.capacity.Interval;
import io.dbsim.capacity.UslFit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The `capacity` section of the JSON reports (reports/README.md). */
public final class CapacityJson {

    private CapacityJson() {
    }

    public static void write(CapacityPlan plan, String source, Path file) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", JsonReport.SCHEMA_VERSION);
        root.put("tool", "dbsim");
        root.put("source", source);
        root.put("capacity", toMap(plan));
        JsonFiles.write(root, file, "capacity report");
    }

    public static Map<String, Object> toMap(CapacityPlan plan) {
        UslFit fit = plan.fit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("weak", plan.weak());
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("lambda", fit.model().lambda());
        model.put("sigma", fit.model().sigma());
        model.put("kappa", fit.model().kappa());
        model.put("lambda_stderr", finite(fit.standardErrors()[0]));
        model.put("sigma_stderr", finite(fit.standardErrors()[1]));
        model.put("kappa_stderr", finite(fit.standardErrors()[2]));
        model.put("r_squared", finite(fit.rSquared()));
        model.put("weighting", fit.weighting().name().toLowerCase(Locale.ROOT));
        model.put("residual_standard_error", finite(fit.residualStandardError()));
        model.put("kappa_estimated", fit.coherencyEstimated());
        model.put("peak_concurrency", finite(fit.model().peakConcurrency()));
        model.put("peak_throughput", finite(fit.model().peakThroughput()));
        List<Map<String, Object>> points = new ArrayList<>();
        for (int i = 0; i < fit.points().size(); i++) {
            UslFit.Point p = fit.points().get(i);
            points.add(Map.of("concurrency", JsonReport.round(p.concurrency()), "throughput", JsonReport.round(p.throughput()),
                    "fitted", JsonReport.round(fit.model().throughput(p.concurrency())),
                    "residual_pct", JsonReport.round(fit.residualsPct()[i])));
        }
        model.put("points", points);
        m.put("model", model);
        ClosedSystemModel.Prediction at = plan.atTarget();
        Map<String, Object> target = new LinkedHashMap<>();
        target.put("users", plan.targetUsers());
        target.put("think_time_ms", JsonReport.round((plan.thinkSeconds() * 1000) - plan.overheadMs()));
        target.put("simulator_overhead_ms", JsonReport.round(plan.overheadMs()));
        target.put("pool_size", plan.pool());
        target.put("throughput_ops_per_sec", JsonReport.round(at.throughput()));
        target.put("response_mean_ms", JsonReport.round(at.responseMean() * 1000));
        target.put("response_p95_ms", JsonReport.round(plan.p95Ms()));
        CapacityPlan.TargetIntervals in = plan.intervals();
        bounds(target, "throughput_ops_per_sec", in.throughput());
        bounds(target, "response_mean_ms", in.responseMeanMs());
        bounds(target, "response_p95_ms", in.p95Ms());
        target.put("interval_noise_pct", in.throughput().known() ? JsonReport.round(in.noisePct()) : null);
        target.put("interval_noise_source", in.throughput().known() ? (in.noiseFromRounds() ? "rounds" : "residuals") : null);
        target.put("pool_wait_mean_ms", JsonReport.round(at.poolWaitMean() * 1000));
        target.put("busy_connections", JsonReport.round(at.busyMean()));
        target.put("pool_full_pct", JsonReport.round(at.poolFullPct()));
        m.put("target", target);
        m.put("p95_target_ms", plan.p95TargetMs());
        m.put("max_users_meeting_target", plan.maxUsersMeetingTarget());
        m.put("recommended_pool_size", plan.recommendedPool());
        m.put("contention_pool_size", plan.contentionPool());
        m.put("limit", plan.limit());
        m.put("limit_reason", plan.limitReason());
        m.put("range_ratio", JsonReport.round(plan.rangeRatio()));
        if (plan.backtest() != null) {
            CapacityPlan.Backtest b = plan.backtest();
            Map<String, Object> bt = new LinkedHashMap<>();
            bt.put("fitted_steps", b.fittedSteps());
            bt.put("users", b.users());
            bt.put("pool_size", b.pool());
            bt.put("predicted_throughput", JsonReport.round(b.predictedThroughput()));
            bounds(bt, "predicted_throughput", b.throughputInterval());
            bt.put("measured_throughput", JsonReport.round(b.measuredThroughput()));
            bt.put("measured_inside_interval", b.throughputInterval().known() ? b.measuredInside() : null);
            bt.put("throughput_error_pct", JsonReport.round(b.throughputErrorPct()));
            bt.put("predicted_p95_ms", JsonReport.round(b.predictedP95Ms()));
            bt.put("measured_p95_ms", JsonReport.round(b.measuredP95Ms()));
            bt.put("p95_error_pct", JsonReport.round(b.p95ErrorPct()));
            m.put("backtest", bt);
        } else {
            m.put("backtest", null);
        }
        m.put("warnings", plan.warnings());
        return m;
    }

    private static void bounds(Map<String, Object> m, String key, Interval i) {
        m.put(key + "_low", i.known() ? JsonReport.round(i.low()) : null);
        m.put(key + "_high", i.known() ? JsonReport.round(i.high()) : null);
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
