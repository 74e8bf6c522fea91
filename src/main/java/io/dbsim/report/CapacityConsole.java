package io.dbsim.report;

import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Verification;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.stream.Collectors;

/** The capacity answer on the console. */
public final class CapacityConsole {

    private CapacityConsole() {
    }

    /** The answer after its target ran for real: the verdict first, then the answer, then predicted against measured. */
    public static void printVerified(PrintWriter out, CapacitySection plan, Verification v) {
        out.println();
        out.println("verification: " + v.verdict());
        print(out, plan);
        out.printf(Locale.ROOT, "verification: %,d users thinking %s, pool %d, measured %.0f s, %,d operations, %.2f%% errors%s%n",
                v.users(), Format.millis(v.thinkTimeMs()), v.poolSize(), v.measuredSeconds(), v.operations(), v.errorRatePct(),
                v.interrupted() ? " (interrupted)" : "");
        out.printf(Locale.ROOT, "  %-18s %12s %12s %8s  %s%n", "", "predicted", "measured", "error", "95% interval");
        row(out, "throughput ops/s", v.throughput());
        row(out, "mean ms", v.responseMeanMs());
        row(out, "p95 ms", v.responseP95Ms());
        row(out, "pool wait mean ms", v.poolWaitMeanMs());
        row(out, "hold mean ms", v.holdMeanMs());
        out.printf(Locale.ROOT, "  simulator CPU %.0f%% of the host (sweep: at most %.0f%%), host CPU %.0f%% (sweep: at most %.0f%%)%s%n",
                v.simulatorCpuPct(), v.sweepSimulatorCpuPctMax(), v.hostCpuPct(), v.sweepHostCpuPctMax(),
                v.dataGrowthPct() == null ? "" : String.format(Locale.ROOT, ", rows changed %+.1f%% during the run", v.dataGrowthPct()));
        v.causes().forEach(c -> out.println("  - " + c));
        out.flush();
    }

    private static void row(PrintWriter out, String name, Verification.Figure f) {
        out.printf(Locale.ROOT, "  %-18s %,12.1f %,12.1f %+7.0f%%  %s%n", name, f.predicted(), f.measured(), f.errorPct(),
                f.low() == null ? "-" : String.format(Locale.ROOT, "%,.1f to %,.1f: %s", f.low(), f.high(),
                        f.inside() ? "inside" : "OUTSIDE"));
    }

    public static void print(PrintWriter out, CapacitySection plan) {
        CapacitySection.Model m = plan.model();
        out.println();
        out.println(plan.weak() ? "capacity estimate from this one run (weaker: see confidence)"
                : "capacity (Universal Scalability Law fitted to " + m.points().size() + " steps)");
        if (plan.doubt() != null) {
            out.println("  UNCONFIRMED: " + plan.doubt());
        }
        if (plan.weak()) {
            out.printf(Locale.ROOT, "  model               %.1f ops/s per busy connection, assumed to scale linearly (σ = κ = 0)%n",
                    m.lambda());
        } else {
            out.printf(Locale.ROOT, "  fit                 λ %.1f ± %.1f ops/s, σ %.4f ± %.4f, κ %.6f ± %.6f; R² %.4f%s%n", m.lambda(),
                    orNaN(m.lambdaStderr()), m.sigma(), orNaN(m.sigmaStderr()), m.kappa(), orNaN(m.kappaStderr()), orNaN(m.rSquared()),
                    "relative".equals(m.weighting()) ? " (fitted on relative errors)" : "");
            StringBuilder residuals = new StringBuilder();
            for (int i = 0; i < m.points().size(); i++) {
                residuals.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f busy %+.1f%%",
                        m.points().get(i).concurrency(), m.points().get(i).residualPct()));
            }
            out.println("  residuals           " + residuals);
            out.println("  peak                " + (plan.contentionPoolSize() == null
                    ? String.format(Locale.ROOT, "none seen: throughput flattens towards %.0f ops/s", orInfinity(m.peakThroughput()))
                    : String.format(Locale.ROOT, "%.0f ops/s at %.1f busy connections; more connections past that only add contention",
                            orInfinity(m.peakThroughput()), orInfinity(m.peakConcurrency()))));
        }
        CapacitySection.Target at = plan.target();
        out.printf(Locale.ROOT, "target: %,d users thinking %s between operations, pool %d%n", at.users(),
                Format.millis(at.thinkTimeMs()), at.poolSize());
        boolean doubted = plan.doubt() != null;
        out.printf(Locale.ROOT, "  throughput          %s ops/s (%.1f busy connections)%n", figure(at.throughputOpsPerSec(),
                at.throughputOpsPerSecLow(), at.throughputOpsPerSecHigh(), doubted), at.busyConnections());
        out.printf(Locale.ROOT, "  response time       mean %s ms (pool wait %.1f ms), p95 %s ms%n", figure(at.responseMeanMs(),
                at.responseMeanMsLow(), at.responseMeanMsHigh(), doubted), at.poolWaitMeanMs(),
                figure(at.responseP95Ms(), at.responseP95MsLow(), at.responseP95MsHigh(), doubted));
        out.printf(Locale.ROOT, "  meets p95 < %s     up to %,d users with a pool of %d%n", Format.millis(plan.p95TargetMs()),
                plan.maxUsersMeetingTarget(), at.poolSize());
        out.printf(Locale.ROOT, "  pool size to use    %d%s%n", plan.recommendedPoolSize(), plan.contentionPoolSize() == null ? ""
                : String.format(Locale.ROOT, " (past %d busy connections more only add contention)", plan.contentionPoolSize()));
        out.printf(Locale.ROOT, "  limits first        %s: %s%n", plan.limit(), plan.limitReason());
        out.println("confidence");
        if (plan.backtest() != null) {
            CapacitySection.Backtest b = plan.backtest();
            out.printf(Locale.ROOT, "  - back-test: fitted on %d steps, predicted %d users (pool %d) at %,.1f ops/s, measured %,.1f "
                            + "(error %+.1f%%%s); p95 predicted %.1f ms, measured %.1f ms (error %+.1f%%)%n", b.fittedSteps(), b.users(),
                    b.poolSize(), b.predictedThroughput(), b.measuredThroughput(), b.throughputErrorPct(),
                    b.measuredInsideInterval() == null ? "" : String.format(Locale.ROOT, "; 95%% interval %,.1f to %,.1f: %s",
                            b.predictedThroughputLow(), b.predictedThroughputHigh(), b.measuredInsideInterval() ? "inside" : "outside"),
                    b.predictedP95Ms(), b.measuredP95Ms(), b.p95ErrorPct());
        }
        if (at.intervalNoisePct() != null) {
            out.printf(Locale.ROOT, "  - 95%% intervals: the fit's covariance (delta method, Student's t) with a step noise of "
                    + "±%.1f%% of throughput, from %s%n", at.intervalNoisePct(),
                    "rounds".equals(at.intervalNoiseSource()) ? "the rounds' spread" : "the fit's residuals");
        } else if (!plan.weak() && m.weighting() != null) {
            out.println("  - no intervals: the steps leave nothing to measure the noise with (λ, σ and κ take 3 of them; it needs 4 or more)");
        }
        out.printf(Locale.ROOT, "  - the target keeps %.1f connections busy; the sweep measured up to %.1f (%.2fx)%n",
                at.busyConnections(), plan.measuredBusy(), plan.rangeRatio());
        CapacitySection.HostCpu host = plan.hostCpu();
        if (host != null && host.capacityFactor() != 1) {
            out.printf(Locale.ROOT, "  - the host's CPU: the simulator is expected to take %.0f%% of it at the target against %.0f%% at the "
                            + "%d-user step (host at %.0f%%), which leaves the database %.0f%% of the rate the sweep measured%n",
                    host.targetSimulatorCpuPct(), host.sweepSimulatorCpuPct(), host.sweepStepUsers(), host.sweepHostCpuPct(),
                    100 * host.capacityFactor());
        }
        CapacitySection.PacedHoldRow paced = plan.pacedHold();
        // The planner's rule (mean wait at least the mean hold) restated from the section, which a saved report also has.
        boolean queueing = at.poolWaitMeanMs() > 0 && 2 * at.poolWaitMeanMs() >= at.responseMeanMs();
        if (paced != null) {
            out.printf(Locale.ROOT, "  - pauses: users who think wake a sleeping backend with every operation; the sweep's paced "
                    + "steps held connections %s times as long as back to back, so the model holds them %.2f times as long "
                    + "while connections are free%n", paced.points().stream().map(p -> String.format(Locale.ROOT,
                    "%.2f (at %.0f%% of the peak)", p.ratio(), p.peakSharePct())).collect(Collectors.joining(", ")),
                    paced.holdFactor());
        }
        CapacitySection.SpeedRow speed = plan.speedVariation();
        if (queueing && speed != null) {
            out.printf(Locale.ROOT, "  - p95 is the model's mean response with the database at the speed it exceeds 95%% of the time: "
                            + "users mostly queue for connections, and the queue grows while the database runs slow (the "
                            + "%d-user step's throughput varied %.1f%% per second, %.1f%% over a think time, so %.2f of its mean "
                            + "speed)%n", speed.stepUsers(), speed.perSecondPct(), speed.overThinkTimePct(), speed.slowFactor());
        } else if (queueing) {
            out.println("  - p95 is the model's own: users mostly queue for connections, and a queue of many users varies less "
                    + "than a step without one shows (each waits for the connections ahead of it to come free)");
        } else if (paced != null) {
            out.println("  - p95 is the predicted mean times the p95/mean ratio measured at the paced step of closest throughput");
        } else {
            out.println("  - p95 is the predicted mean times the p95/mean ratio measured at the step of closest concurrency");
        }
        plan.warnings().forEach(w -> out.println("  - warning: " + w));
        out.flush();
    }

    /** An unconfirmed answer gives its range first and the model's value as no more than that. */
    private static String figure(double value, Double low, Double high, boolean doubted) {
        if (doubted) {
            return low == null ? String.format(Locale.ROOT, "unconfirmed (the model says %,.1f)", value)
                    : String.format(Locale.ROOT, "somewhere in %,.1f to %,.1f (unconfirmed; the model says %,.1f)", low, high, value);
        }
        return String.format(Locale.ROOT, "%,.1f", value) + range(low, high);
    }

    private static String range(Double low, Double high) {
        return low == null ? "" : String.format(Locale.ROOT, " [95%%: %,.1f to %,.1f]", low, high);
    }

    private static double orNaN(Double v) {
        return v == null ? Double.NaN : v;
    }

    private static double orInfinity(Double v) {
        return v == null ? Double.POSITIVE_INFINITY : v;
    }
}
