package io.dbsim.report;

import io.dbsim.capacity.CapacityPlan;
import io.dbsim.capacity.ClosedSystemModel;
import io.dbsim.capacity.Interval;
import io.dbsim.capacity.UslFit;
import io.dbsim.capacity.UslModel;
import io.dbsim.capacity.Weighting;

import java.io.PrintWriter;
import java.util.Locale;

/** The capacity answer on the console. */
public final class CapacityConsole {

    private CapacityConsole() {
    }

    public static void print(PrintWriter out, CapacityPlan plan) {
        UslFit fit = plan.fit();
        UslModel m = fit.model();
        out.println();
        out.println(plan.weak() ? "capacity estimate from this one run (weaker: see confidence)"
                : "capacity (Universal Scalability Law fitted to " + fit.points().size() + " steps)");
        if (plan.weak()) {
            out.printf(Locale.ROOT, "  model               %.1f ops/s per busy connection, assumed to scale linearly (σ = κ = 0)%n",
                    m.lambda());
        } else {
            out.printf(Locale.ROOT, "  fit                 λ %.1f ± %.1f ops/s, σ %.4f ± %.4f, κ %.6f ± %.6f; R² %.4f%s%n", m.lambda(),
                    fit.standardErrors()[0], m.sigma(), fit.standardErrors()[1], m.kappa(), fit.standardErrors()[2], fit.rSquared(),
                    fit.weighting() == Weighting.RELATIVE ? " (fitted on relative errors)" : "");
            StringBuilder residuals = new StringBuilder();
            for (int i = 0; i < fit.points().size(); i++) {
                residuals.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f busy %+.1f%%",
                        fit.points().get(i).concurrency(), fit.residualsPct()[i]));
            }
            out.println("  residuals           " + residuals);
            out.println("  peak                " + (plan.contentionPool() == null
                    ? String.format(Locale.ROOT, "none seen: throughput flattens towards %.0f ops/s", m.peakThroughput())
                    : String.format(Locale.ROOT, "%.0f ops/s at %.1f busy connections; more connections past that only add contention",
                            m.peakThroughput(), m.peakConcurrency())));
        }
        ClosedSystemModel.Prediction at = plan.atTarget();
        out.printf(Locale.ROOT, "target: %,d users thinking %s between operations, pool %d%n", plan.targetUsers(),
                Durations.format(java.time.Duration.ofNanos((long) ((plan.thinkSeconds() - plan.overheadMs() / 1000) * 1e9))),
                plan.pool());
        CapacityPlan.TargetIntervals in = plan.intervals();
        out.printf(Locale.ROOT, "  throughput          %,.1f ops/s%s (%.1f busy connections)%n", at.throughput(), range(in.throughput()),
                at.busyMean());
        out.printf(Locale.ROOT, "  response time       mean %.1f ms%s (pool wait %.1f ms), p95 %.1f ms%s%n", at.responseMean() * 1000,
                range(in.responseMeanMs()), at.poolWaitMean() * 1000, plan.p95Ms(), range(in.p95Ms()));
        out.printf(Locale.ROOT, "  meets p95 < %s     up to %,d users with a pool of %d%n", Durations.format(
                java.time.Duration.ofNanos((long) (plan.p95TargetMs() * 1e6))), plan.maxUsersMeetingTarget(), plan.pool());
        out.printf(Locale.ROOT, "  pool size to use    %d%s%n", plan.recommendedPool(), plan.contentionPool() == null ? ""
                : String.format(Locale.ROOT, " (past %d busy connections more only add contention)", plan.contentionPool()));
        out.printf(Locale.ROOT, "  limits first        %s: %s%n", plan.limit(), plan.limitReason());
        out.println("confidence");
        if (plan.backtest() != null) {
            CapacityPlan.Backtest b = plan.backtest();
            out.printf(Locale.ROOT, "  - back-test: fitted on %d steps, predicted %d users (pool %d) at %,.1f ops/s, measured %,.1f "
                            + "(error %+.1f%%%s); p95 predicted %.1f ms, measured %.1f ms (error %+.1f%%)%n", b.fittedSteps(), b.users(),
                    b.pool(), b.predictedThroughput(), b.measuredThroughput(), b.throughputErrorPct(),
                    b.throughputInterval().known() ? String.format(Locale.ROOT, "; 95%% interval %,.1f to %,.1f: %s",
                            b.throughputInterval().low(), b.throughputInterval().high(), b.measuredInside() ? "inside" : "outside")
                            : "", b.predictedP95Ms(), b.measuredP95Ms(), b.p95ErrorPct());
        }
        if (in.throughput().known()) {
            out.printf(Locale.ROOT, "  - 95%% intervals: the fit's covariance (delta method, Student's t) with a step noise of "
                    + "±%.1f%% of throughput, from %s%n", in.noisePct(), in.noiseFromRounds() ? "the rounds' spread" : "the fit's residuals");
        } else if (!plan.weak()) {
            out.println("  - no intervals: the steps leave nothing to measure the noise with (λ, σ and κ take 3 of them; it needs 4 or more)");
        }
        out.printf(Locale.ROOT, "  - the target keeps %.1f connections busy; the sweep measured up to %.1f (%.2fx)%n",
                at.busyMean(), plan.measuredBusyMax(), plan.rangeRatio());
        out.println("  - p95 is the predicted mean times the p95/mean ratio measured at the step of closest concurrency");
        plan.warnings().forEach(w -> out.println("  - warning: " + w));
        out.flush();
    }

    private static String range(Interval i) {
        return i.known() ? String.format(Locale.ROOT, " [95%%: %,.1f to %,.1f]", i.low(), i.high()) : "";
    }
}
