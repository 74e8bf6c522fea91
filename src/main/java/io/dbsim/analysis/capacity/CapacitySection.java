package io.dbsim.analysis.capacity;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dbsim.analysis.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The capacity answer as reports state it (the `capacity` section of the run and capacity JSON, the
 * console's and HTML's capacity part), rounded once.
 *
 * @param doubt what makes the figures unconfirmed (a back-test or a verification outside its interval, an interval
 *              too wide to pin the answer), stated before them; null when nothing does. It is also the first warning.
 */
public record CapacitySection(boolean weak, Model model, Target target, double p95TargetMs, int maxUsersMeetingTarget,
                              int recommendedPoolSize, Integer contentionPoolSize, String limit, String limitReason,
                              double rangeRatio, Backtest backtest, List<String> warnings,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Double measuredBusyMax,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String doubt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) HostCpu hostCpu,
                              @JsonInclude(JsonInclude.Include.NON_NULL) PacedHoldRow pacedHold,
                              @JsonInclude(JsonInclude.Include.NON_NULL) SpeedRow speedVariation) {

    /** The largest busy concurrency the steps measured; derived from the range for reports written before it was kept. */
    public double measuredBusy() {
        return measuredBusyMax != null ? measuredBusyMax : target.busyConnections() / rangeRatio;
    }

    /**
     * @param peakConcurrency null when κ is 0 (no peak)
     * @param peakThroughput  the peak; with κ = 0 the asymptote λ/σ; null when σ = κ = 0
     */
    public record Model(double lambda, double sigma, double kappa, Double lambdaStderr, Double sigmaStderr, Double kappaStderr,
                        Double rSquared, boolean kappaEstimated, Double peakConcurrency, Double peakThroughput,
                        List<ModelPoint> points, String weighting, Double residualStandardError) {
    }

    public record ModelPoint(double concurrency, double throughput, double fitted, double residualPct) {
    }

    /**
     * The prediction at the target users and pool, with 95% intervals where the sweep allows them (null bounds when not).
     *
     * @param intervalNoiseSource where a step's noise was taken from: "residuals" or "rounds"
     */
    public record Target(int users, double thinkTimeMs, double simulatorOverheadMs, int poolSize, double throughputOpsPerSec,
                         double responseMeanMs, double responseP95Ms, double poolWaitMeanMs, double busyConnections,
                         double poolFullPct, Double throughputOpsPerSecLow, Double throughputOpsPerSecHigh,
                         Double responseMeanMsLow, Double responseMeanMsHigh, Double responseP95MsLow, Double responseP95MsHigh,
                         Double intervalNoisePct, String intervalNoiseSource) {
    }

    /**
     * The host's CPU the simulator is expected to take from a local database at the target ({@link HostShare}).
     *
     * @param capacityFactor the database's rate at the target over what the sweep measured at that concurrency
     */
    public record HostCpu(int sweepStepUsers, double sweepSimulatorCpuPct, double sweepHostCpuPct,
                          double targetSimulatorCpuPct, double capacityFactor) {
    }

    /**
     * What the sweep's paced steps measured ({@link PacedHold}) and the hold time's ratio to back to back the model
     * applied at the target while connections are free.
     */
    public record PacedHoldRow(double holdFactor, List<PacedPoint> points) {
    }

    public record PacedPoint(int users, double thinkTimeMs, double peakSharePct, double holdMs, double backToBackHoldMs,
                             double ratio, double busyConnections, double p95OverMean) {
    }

    /**
     * The database's speed variation a queueing target's p95 rests on ({@link SpeedVariation}).
     *
     * @param perSecondPct      the throughput's per-second coefficient of variation at the step of {@code stepUsers}
     * @param overThinkTimePct  the same over a think time, as the queue averages it
     * @param slowFactor        the speed exceeded 95% of the time, as a share of the mean: the p95's database
     */
    public record SpeedRow(int stepUsers, double perSecondPct, double overThinkTimePct, double slowFactor) {
    }

    /** @param measuredInsideInterval null when the smaller steps leave no residual freedom for an interval */
    public record Backtest(int fittedSteps, int users, int poolSize, double predictedThroughput, double measuredThroughput,
                           double throughputErrorPct, double predictedP95Ms, double measuredP95Ms, double p95ErrorPct,
                           Double predictedThroughputLow, Double predictedThroughputHigh, Boolean measuredInsideInterval) {
    }

    /** The same answer with {@code doubt} as its first warning: what a reader must know before any figure. */
    public CapacitySection leadingWith(String doubt) {
        List<String> all = new ArrayList<>(List.of(doubt));
        all.addAll(warnings);
        return new CapacitySection(weak, model, target, p95TargetMs, maxUsersMeetingTarget, recommendedPoolSize,
                contentionPoolSize, limit, limitReason, rangeRatio, backtest, List.copyOf(all), measuredBusyMax, doubt, hostCpu,
                pacedHold, speedVariation);
    }

    public static CapacitySection of(CapacityPlan plan) {
        UslFit fit = plan.fit();
        List<ModelPoint> points = new ArrayList<>();
        for (int i = 0; i < fit.points().size(); i++) {
            UslFit.Point p = fit.points().get(i);
            points.add(new ModelPoint(r(p.concurrency()), r(p.throughput()), r(fit.model().throughput(p.concurrency())),
                    r(fit.residualsPct()[i])));
        }
        Model model = new Model(fit.model().lambda(), fit.model().sigma(), fit.model().kappa(), finite(fit.standardErrors()[0]),
                finite(fit.standardErrors()[1]), finite(fit.standardErrors()[2]), finite(fit.rSquared()), fit.coherencyEstimated(),
                finite(fit.model().peakConcurrency()), finite(fit.model().peakThroughput()), List.copyOf(points),
                fit.weighting().name().toLowerCase(Locale.ROOT), finite(fit.residualStandardError()));
        ClosedSystemModel.Prediction at = plan.atTarget();
        CapacityPlan.TargetIntervals in = plan.intervals();
        boolean known = in.throughput().known();
        Target target = new Target(plan.targetUsers(), r(plan.thinkSeconds() * 1000 - plan.overheadMs()), r(plan.overheadMs()),
                plan.pool(), r(at.throughput()), r(at.responseMean() * 1000), r(plan.p95Ms()), r(at.poolWaitMean() * 1000),
                r(at.busyMean()), r(at.poolFullPct()), low(in.throughput()), high(in.throughput()), low(in.responseMeanMs()),
                high(in.responseMeanMs()), low(in.p95Ms()), high(in.p95Ms()), known ? r(in.noisePct()) : null,
                known ? (in.noiseFromRounds() ? "rounds" : "residuals") : null);
        CapacityPlan.Backtest b = plan.backtest();
        Backtest backtest = b == null ? null : new Backtest(b.fittedSteps(), b.users(), b.pool(), r(b.predictedThroughput()),
                r(b.measuredThroughput()), r(b.throughputErrorPct()), r(b.predictedP95Ms()), r(b.measuredP95Ms()), r(b.p95ErrorPct()),
                low(b.throughputInterval()), high(b.throughputInterval()),
                b.throughputInterval().known() ? b.measuredInside() : null);
        return new CapacitySection(plan.weak(), model, target, plan.p95TargetMs(), plan.maxUsersMeetingTarget(),
                plan.recommendedPool(), plan.contentionPool(), plan.limit(), plan.limitReason(), r(plan.rangeRatio()), backtest,
                List.copyOf(plan.warnings()), r(plan.measuredBusyMax()), plan.doubt(), hostCpu(plan.hostShare()),
                pacedHold(plan.pacedHold(), at.holdFactor()), speed(plan.speedVariation(), at.thinkSeconds()));
    }

    private static SpeedRow speed(SpeedVariation speed, double thinkSeconds) {
        return speed.none() ? null : new SpeedRow(speed.stepUsers(), r(speed.perSecondPct()), r(speed.overThinkTimePct(thinkSeconds)),
                Round.milli(speed.slowFactor(thinkSeconds)));
    }

    private static PacedHoldRow pacedHold(PacedHold hold, double factor) {
        return hold.none() ? null : new PacedHoldRow(Round.milli(factor), hold.points().stream()
                .map(p -> new PacedPoint(p.users(), r(p.thinkTimeMs()), r(100 * p.share()), r(p.holdMs()), r(p.backToBackHoldMs()),
                        Round.milli(p.ratio()), r(p.busy()), Round.milli(p.p95OverMean())))
                .toList());
    }

    private static HostCpu hostCpu(HostShare share) {
        return share == null ? null : new HostCpu(share.sweepStepUsers(), r(share.sweepSimulatorCpuPct()),
                r(share.sweepHostCpuPct()), r(share.targetSimulatorCpuPct()), Round.milli(share.factor()));
    }

    private static Double low(Interval i) {
        return i.known() ? r(i.low()) : null;
    }

    private static Double high(Interval i) {
        return i.known() ? r(i.high()) : null;
    }

    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static double r(double v) {
        return Round.milli(v);
    }
}
