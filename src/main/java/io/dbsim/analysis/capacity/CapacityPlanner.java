package io.dbsim.analysis.capacity;

import io.dbsim.analysis.capacity.CapacityPlan.Backtest;
import io.dbsim.analysis.capacity.CapacityPlan.TargetIntervals;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Fits the USL to a sweep and answers the capacity questions with the closed-system model, saying
 * how far the answer can be trusted.
 */
public final class CapacityPlanner {

    /** Below this R² the model does not describe the steps well enough to extrapolate from. */
    static final double POOR_FIT_R2 = 0.9;
    static final double SATURATED_SIMULATOR_CPU_PCT = 80;
    /** An interval whose high end is more than this many times its low end does not pin the answer down. */
    static final double WIDE_INTERVAL = 2;
    private static final int MAX_USERS_SEARCHED = 10_000_000;

    private final List<SweepStep> steps;
    private final List<PacedStep> paced;
    private final double sweepThinkSeconds;
    private final Weighting weighting;

    public CapacityPlanner(Sweep sweep) {
        this(sweep, Weighting.ABSOLUTE);
    }

    public CapacityPlanner(Sweep sweep, Weighting weighting) {
        this(sweep.steps().stream().filter(s -> !s.interrupted() && s.operations() > 0 && s.busyLittle() > 0).toList(),
                sweep.paced(), sweep.thinkTimeMs() / 1000.0, weighting);
    }

    private CapacityPlanner(List<SweepStep> steps, List<PacedStep> paced, double sweepThinkSeconds, Weighting weighting) {
        this.steps = steps;
        this.paced = paced;
        this.sweepThinkSeconds = sweepThinkSeconds;
        this.weighting = weighting;
    }

    /** The USL fitted to the finished steps. */
    public UslFit fit() {
        if (steps.size() < 3) {
            throw new IllegalArgumentException("a capacity fit needs at least 3 finished steps; this sweep has " + steps.size());
        }
        return UslFit.fit(points(steps), weighting);
    }

    /**
     * @param pool null to use the recommended pool
     */
    public CapacityPlan plan(int targetUsers, double thinkSeconds, double p95TargetMs, Integer pool) {
        return plan(fit(), targetUsers, thinkSeconds, p95TargetMs, pool);
    }

    /** The same, on a {@link #fit()} already made. */
    public CapacityPlan plan(UslFit fit, int targetUsers, double thinkSeconds, double p95TargetMs, Integer pool) {
        List<String> warnings = new ArrayList<>();
        Backtest backtest = steps.size() >= 4 ? backtest() : null;
        if (backtest == null) {
            warnings.add("no back-test: it needs at least 4 steps (fit on all but the largest, predict the largest)");
        }
        return answer(fit, UslIntervals.of(fit, RoundsNoise.relativeSd(steps)), false, targetUsers, thinkSeconds,
                p95TargetMs, pool, warnings, backtest);
    }

    /** A weaker estimate from one run: a straight line through its one point, so no contention is assumed. */
    public static CapacityPlan fromSingleRun(SweepStep run, double runThinkSeconds, int targetUsers, double thinkSeconds,
                                             double p95TargetMs, Integer pool) {
        UslFit fit = UslFit.throughOnePoint(new UslFit.Point(run.busyLittle(), run.throughput()));
        // An interrupted run still estimates from what it measured: unlike a sweep step, it is all there is.
        CapacityPlanner planner = new CapacityPlanner(List.of(run), List.of(), runThinkSeconds, Weighting.ABSOLUTE);
        List<String> warnings = new ArrayList<>();
        warnings.add("estimated from one run: a straight line through one point cannot show contention (σ = κ = 0), so "
                + "this is an optimistic upper bound; run 'dbsim sweep' for a fitted answer");
        return planner.answer(fit, UslIntervals.of(fit), true, targetUsers, thinkSeconds, p95TargetMs, pool, warnings, null);
    }

    private CapacityPlan answer(UslFit fit, UslIntervals uncertainty, boolean weak, int targetUsers, double thinkSeconds,
                                double p95TargetMs, Integer givenPool, List<String> warnings, Backtest backtest) {
        double overheadMs = overheadMs();
        double think = thinkSeconds + overheadMs / 1000.0;
        boolean pausesUnmeasured = thinkSeconds > 0 && sweepThinkSeconds == 0;
        PacedHold pauses = weak || !pausesUnmeasured ? PacedHold.NONE : PacedHold.of(paced, steps, fit.model());
        HostShare share = hostShare(fit, pauses, targetUsers, think, givenPool);
        ClosedSystemModel model = new ClosedSystemModel(fit.model(), share.factor(), pauses);
        double peak = fit.model().peakConcurrency();
        double maxBusy = steps.stream().mapToDouble(SweepStep::busyLittle).max().orElse(1);
        double hold = 1 / fit.model().lambda();
        double offered = targetUsers * hold / (think + hold);
        int poolCeiling = (int) Math.min(targetUsers, Math.min(1000, Math.max(Double.isInfinite(peak) ? 0 : 2 * Math.ceil(peak),
                Math.max(Math.max(50, 4 * Math.ceil(maxBusy)), 2 * Math.ceil(offered)))));
        int recommended = recommendedPool(model, targetUsers, think, p95TargetMs, Math.max(1, poolCeiling));
        int pool = givenPool != null ? givenPool : recommended;
        ClosedSystemModel.Prediction at = model.predict(targetUsers, think, pool);
        double p95 = p95(model, at);
        TargetIntervals intervals = targetIntervals(uncertainty, share.factor(), pauses, targetUsers, think, pool, at, p95);
        int maxUsers = maxUsersMeetingTarget(model, fit.model(), think, pool, p95TargetMs);
        Integer contention = Double.isInfinite(peak) ? null : (int) Math.floor(peak);

        if (!weak && fit.rSquared() < POOR_FIT_R2) {
            warnings.add(String.format(Locale.ROOT, "the fit is poor (R² %.3f < %.1f): the steps do not follow the model; "
                    + "measure longer steps or more of them", fit.rSquared(), POOR_FIT_R2));
        }
        if (!weak && pausesUnmeasured && pauses.none()) {
            warnings.add("the sweep has no paced steps (thinking users), so the model holds each connection as long as "
                    + "back-to-back steps did; when users pause between operations connections are held longer (about "
                    + "twice as long at half the peak, measured on a 2-core host), so mean and p95 are likely low: sweep "
                    + "again without --paced-users 0");
        }
        if (!weak && !fit.coherencyEstimated()) {
            warnings.add(String.format(Locale.ROOT, "the steps show no falling throughput yet, so κ cannot be estimated "
                    + "(κ %.3g ± %.2g): predictions past %.0f busy connections are optimistic; sweep to higher concurrency",
                    fit.model().kappa(), fit.standardErrors()[2], maxBusy));
        }
        double rangeRatio = at.busyMean() / maxBusy;
        if (rangeRatio > 2) {
            warnings.add(String.format(Locale.ROOT, "the target needs %.1f busy connections, %.1fx the largest measured (%.1f): "
                    + "an extrapolation, not a measurement", at.busyMean(), rangeRatio, maxBusy));
        }
        if (!weak) {
            int rounds = steps.stream().mapToInt(SweepStep::rounds).min().orElse(1);
            double spread = steps.stream().mapToDouble(SweepStep::spreadPct).max().orElse(0);
            if (rounds < 2) {
                warnings.add("each step ran once, so the machine's own noise is unknown: 'dbsim sweep --repeat 3' measures it");
            } else if (spread > 10) {
                warnings.add(String.format(Locale.ROOT, "a step's throughput varied by up to %.0f%% between its %d rounds on this "
                        + "machine: differences smaller than that are noise, not the model", spread, rounds));
            }
        }
        SweepStep hottest = steps.stream().max(Comparator.comparingDouble(SweepStep::simulatorCpuPct)).orElseThrow();
        boolean generatorLimited = hottest.simulatorCpuPct() >= SATURATED_SIMULATOR_CPU_PCT;
        if (generatorLimited) {
            warnings.add(String.format(Locale.ROOT, "the simulator used %.0f%% of the CPU at %d users: from there on the "
                    + "measured steps show the load generator's limit, not only the database's", hottest.simulatorCpuPct(),
                    hottest.users()));
        }
        String limit;
        String reason;
        double demand = targetUsers / (think + hold);
        ClosedSystemModel.Prediction withBestPool = pool == recommended ? at : model.predict(targetUsers, think, recommended);
        String peakText = Double.isInfinite(fit.model().peakThroughput()) ? "the model has no peak (one run)"
                : String.format(Locale.ROOT, "the database runs at %.0f%% of its modelled peak",
                100 * at.throughput() / fit.model().peakThroughput());
        if (at.throughput() >= 0.95 * demand) {
            limit = "none";
            reason = String.format(Locale.ROOT, "the users ask for %.0f ops/s and get %.0f; the pool is full %.0f%% of the time "
                    + "and %s", demand, at.throughput(), at.poolFullPct(), peakText);
        } else if (contention != null && pool > contention && withBestPool.throughput() > 1.05 * at.throughput()) {
            limit = "pool";
            reason = String.format(Locale.ROOT, "the pool of %d is larger than the %d busy connections where the database "
                    + "peaks: the extra connections add contention; a pool of %d carries %.0f ops/s instead of %.0f", pool,
                    contention, recommended, withBestPool.throughput(), at.throughput());
        } else if (withBestPool.throughput() > 1.05 * at.throughput()) {
            limit = "pool";
            reason = String.format(Locale.ROOT, "all %d connections are busy %.0f%% of the time and users wait %.1f ms on average; "
                    + "a pool of %d carries %.0f ops/s instead of %.0f", pool, at.poolFullPct(), at.poolWaitMean() * 1000,
                    recommended, withBestPool.throughput(), at.throughput());
        } else {
            limit = generatorLimited ? "load generator" : "database";
            boolean queueInPool = at.poolWaitMean() > 0.1 * at.responseMean();
            reason = String.format(Locale.ROOT, "the users ask for %.0f ops/s; the database gives at most %.0f%s, so %s",
                    demand, Math.max(at.throughput(), Math.min(fit.model().peakThroughput(), withBestPool.throughput())), contention == null ? "" : " at about " + contention + " busy connections",
                    queueInPool ? String.format(Locale.ROOT, "users queue for connections (%.1f ms on average) whatever the pool size",
                            at.poolWaitMean() * 1000)
                            : String.format(Locale.ROOT, "each operation holds its connection longer (%.1f ms against %.1f ms alone)",
                            at.holdMean() * 1000, 1000 / fit.model().lambda()));
        }
        double growth = DataGrowth.acrossPct(steps);
        if (!weak && Math.abs(growth) > DataGrowth.WARN_PCT) {
            warnings.add(DataGrowth.sameStart(steps)
                    ? String.format(Locale.ROOT, "the data grew by up to %+.0f%% within a step while it ran (all tables' rows; every "
                    + "step started from the same rows): a step's last seconds measure more data than its first, most at the "
                    + "fastest steps, so the fit mixes data growth with concurrency; sweep with shorter steps, a think time, "
                    + "more data or a pattern that inserts less", growth)
                    : String.format(Locale.ROOT, "the data grew by %+.0f%% across the sweep's steps (all tables' rows): the "
                    + "steps measured different databases, so the fit mixes data growth with concurrency; sweep with the "
                    + "snapshot restored before each step (the default; 'dbsim snapshot take' keeps one)", growth));
        }
        String doubt = doubt(intervals, backtest, backtestCause(backtest));
        if (doubt != null) {
            warnings.add(0, doubt);
        }
        SpeedVariation speed = queueing(at) ? SpeedVariation.of(steps, at.busyMean()) : SpeedVariation.NONE;
        return new CapacityPlan(fit, weak, targetUsers, think, overheadMs, p95TargetMs, pool, at, p95, intervals, maxUsers,
                recommended, contention, limit, reason, maxBusy, List.copyOf(warnings), backtest, doubt, share, pauses, speed);
    }

    /**
     * What the simulator's CPU at the target leaves the database, from where the model without it puts the target
     * (the pool given, or a pool as large as the users, which the recommended one does not exceed in throughput);
     * estimated twice, the second time at the throughput the first gives.
     */
    private HostShare hostShare(UslFit fit, PacedHold hold, int users, double think, Integer givenPool) {
        int pool = givenPool != null ? givenPool : Math.min(users, 1000);
        boolean wakeUps = think > 0 && sweepThinkSeconds == 0;
        int cores = Runtime.getRuntime().availableProcessors();
        ClosedSystemModel.Prediction first = new ClosedSystemModel(fit.model(), 1, hold).predict(users, think, pool);
        HostShare share = HostShare.expected(steps, first.busyMean(), first.throughput(), wakeUps, cores);
        ClosedSystemModel.Prediction second = new ClosedSystemModel(fit.model(), share.factor(), hold).predict(users, think, pool);
        return HostShare.expected(steps, second.busyMean(), second.throughput(), wakeUps, cores);
    }

    private static TargetIntervals targetIntervals(UslIntervals uncertainty, double factor, PacedHold hold, int users,
                                                   double think, int pool, ClosedSystemModel.Prediction at, double p95Ms) {
        Interval throughput = uncertainty.confidence(m -> new ClosedSystemModel(m, factor, hold).predict(users, think, pool).throughput());
        Interval responseMs = uncertainty.confidence(m -> 1000 * new ClosedSystemModel(m, factor, hold).predict(users, think, pool)
                .responseMean());
        double p95Ratio = at.responseMean() > 0 ? p95Ms / (1000 * at.responseMean()) : 1;
        Interval oneRun = uncertainty.prediction(m -> new ClosedSystemModel(m, factor, hold).predict(users, think, pool).throughput());
        return new TargetIntervals(100 * uncertainty.relativeNoise(), uncertainty.noiseFromRounds(), throughput, responseMs,
                responseMs.times(p95Ratio), oneRun);
    }

    /** The warning that leads when the intervals say the answer is loose or the back-test missed; null when neither. */
    private static String doubt(TargetIntervals intervals, Backtest backtest, String backtestCause) {
        List<String> parts = new ArrayList<>();
        if (backtest != null && backtest.throughputInterval().known() && !backtest.measuredInside()) {
            Interval b = backtest.throughputInterval();
            parts.add(String.format(Locale.ROOT, "the back-test measured %,.0f ops/s at %d users, outside the 95%% interval "
                    + "of what the %d smaller steps predicted (%,.0f to %,.0f ops/s); likely cause: %s; the model does not "
                    + "hold up to the largest step, so the figures below are unconfirmed", backtest.measuredThroughput(),
                    backtest.users(), backtest.fittedSteps(), b.low(), b.high(), backtestCause));
        }
        Interval x = intervals.throughput();
        Interval p95 = intervals.p95Ms();
        if (x.spread() > WIDE_INTERVAL || p95.spread() > WIDE_INTERVAL) {
            parts.add(String.format(Locale.ROOT, "the 95%% interval at the target is wide: throughput %,.0f to %,.0f ops/s "
                    + "(%.1fx), p95 %,.1f to %,.1f ms (%.1fx); the steps do not pin the answer down: sweep nearer the "
                    + "target's concurrency, with longer steps or --repeat", x.low(), x.high(), x.spread(), p95.low(),
                    p95.high(), p95.spread()));
        }
        return parts.isEmpty() ? null : String.join("; and ", parts);
    }

    /** What the steps' own figures point at when the back-test misses: data growth, the simulator's CPU, or noise. */
    private String backtestCause(Backtest backtest) {
        if (backtest == null) {
            return null;
        }
        List<String> causes = new ArrayList<>();
        double growth = DataGrowth.acrossPct(steps);
        if (Math.abs(growth) > DataGrowth.WARN_PCT) {
            causes.add(String.format(Locale.ROOT, DataGrowth.sameStart(steps)
                    ? "data growth (the rows grew by up to %+.0f%% within a step)" : "data growth (the rows grew by %+.0f%% across the steps)",
                    growth));
        }
        SweepStep largest = steps.stream().max(Comparator.comparingDouble(SweepStep::busyLittle)).orElseThrow();
        double smallerCpu = steps.stream().filter(s -> s != largest).mapToDouble(SweepStep::simulatorCpuPct).max().orElse(0);
        if (largest.simulatorCpuPct() >= smallerCpu + Verification.CPU_SHIFT_POINTS) {
            causes.add(String.format(Locale.ROOT, "generator CPU (the simulator took %.0f%% of the host at the largest step, "
                    + "at most %.0f%% at the smaller ones)", largest.simulatorCpuPct(), smallerCpu));
        }
        int rounds = steps.stream().mapToInt(SweepStep::rounds).min().orElse(1);
        double spread = steps.stream().mapToDouble(SweepStep::spreadPct).max().orElse(0);
        if (rounds >= 2 && spread >= Math.abs(backtest.throughputErrorPct())) {
            causes.add(String.format(Locale.ROOT, "noise (the rounds spread by up to %.0f%%, as much as the miss)", spread));
        } else if (rounds < 2) {
            causes.add("noise cannot be ruled out (each step ran once)");
        }
        if (causes.isEmpty()) {
            causes.add(String.format(Locale.ROOT, "none of data growth, the simulator's CPU or the rounds' spread (%.0f%%) "
                    + "explains it: the steps past the smaller ones behave differently", spread));
        }
        return String.join(", ", causes);
    }

    /**
     * The smallest pool that carries the target users as well as any: within 1% of the best throughput
     * and with queueing for a connection adding at most a tenth to the best response time; among those,
     * one that meets the p95 target when one does.
     */
    private int recommendedPool(ClosedSystemModel model, int users, double think, double p95TargetMs, int ceiling) {
        double bestX = 0;
        double bestR = Double.MAX_VALUE;
        ClosedSystemModel.Prediction[] p = new ClosedSystemModel.Prediction[ceiling + 1];
        for (int c = 1; c <= ceiling; c++) {
            p[c] = model.predict(users, think, c);
            bestX = Math.max(bestX, p[c].throughput());
            bestR = Math.min(bestR, p[c].responseMean());
        }
        int first = ceiling;
        for (int c = 1; c <= ceiling; c++) {
            if (p[c].throughput() >= 0.99 * bestX && p[c].responseMean() <= 1.1 * bestR) {
                first = c;
                break;
            }
        }
        for (int c = first; c <= ceiling; c++) {
            if (p[c].throughput() >= 0.99 * bestX && p[c].responseMean() <= 1.1 * bestR && p95(model, p[c]) <= p95TargetMs) {
                return c;
            }
        }
        return first;
    }

    /**
     * Binary search; past saturation the response time grows by 1/X per user, so twice the users that
     * a saturated pool serves within the target bounds the search.
     */
    private int maxUsersMeetingTarget(ClosedSystemModel model, UslModel usl, double think, int pool, double p95TargetMs) {
        if (p95(model, model.predict(1, think, pool)) > p95TargetMs) {
            return 0;
        }
        double saturated = 0;
        for (int c = 1; c <= pool; c++) {
            saturated = Math.max(saturated, usl.throughput(c));
        }
        int bound = (int) Math.min(MAX_USERS_SEARCHED, 2 * saturated * (think + p95TargetMs / 1000.0) + pool + 2);
        int lo = 1;
        int hi = 2;
        while (hi < bound && p95(model, model.predict(hi, think, pool)) <= p95TargetMs) {
            lo = hi;
            hi = Math.min(bound, hi * 2);
        }
        if (hi >= bound && p95(model, model.predict(hi, think, pool)) <= p95TargetMs) {
            return hi;
        }
        while (hi - lo > 1) {
            int mid = lo + (hi - lo) / 2;
            if (p95(model, model.predict(mid, think, pool)) <= p95TargetMs) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * When users mostly queue for connections (the mean wait at least the mean hold), the model's own p95
     * ({@link ClosedSystemModel#responseQuantile}), or, when the sweep measured how the database's speed varies, the
     * mean response the model gives with the database at the speed it exceeds 95% of the time ({@link SpeedVariation}),
     * whichever is longer: a queue of thousands served at a steady rate varies little, but the rate does not hold
     * steady. Otherwise the mean response scaled by a p95/mean ratio measured: at
     * the paced step of closest throughput when users pause (their response is then mostly the hold, spread as the
     * paced step's was), else at the closed step of closest busy concurrency. Measured at 4,000 users queueing on a
     * pool of 8, p95 was 1.24 to 1.64 times the mean where a closed step's ratio said 3.35.
     */
    private double p95(ClosedSystemModel model, ClosedSystemModel.Prediction p) {
        PacedHold hold = model.pacedHold();
        if (queueing(p)) {
            double steady = 1000 * model.responseQuantile(p, 0.95);
            SpeedVariation speed = SpeedVariation.of(steps, p.busyMean());
            if (speed.none()) {
                return steady;
            }
            double slow = model.slowerBy(speed.slowFactor(p.thinkSeconds())).predict(p.users(), p.thinkSeconds(), p.pool())
                    .responseMean();
            return Math.max(steady, 1000 * slow);
        }
        if (!hold.none() && p.thinkSeconds() > 0) {
            return p.responseMean() * 1000 * hold.closestTo(p.throughput()).p95OverMean();
        }
        SweepStep closest = steps.stream().min(Comparator.comparingDouble(s -> Math.abs(s.busyLittle() - p.busyMean()))).orElseThrow();
        double ratio = closest.meanMs() > 0 ? closest.p95Ms() / closest.meanMs() : 1;
        return p.responseMean() * 1000 * ratio;
    }

    private static boolean queueing(ClosedSystemModel.Prediction p) {
        return p.poolWaitMean() >= p.holdMean() && p.poolWaitMean() > 0;
    }

    private double overheadMs() {
        double[] o = steps.stream().mapToDouble(SweepStep::cycleOverheadMs).sorted().toArray();
        return o.length == 0 ? 0 : Math.max(0, o[o.length / 2]);
    }

    private Backtest backtest() {
        SweepStep largest = steps.stream().max(Comparator.comparingDouble(SweepStep::busyLittle)).orElseThrow();
        List<SweepStep> rest = steps.stream().filter(s -> s != largest).toList();
        CapacityPlanner smaller = new CapacityPlanner(rest, List.of(), sweepThinkSeconds, weighting);
        UslFit fit = UslFit.fit(points(rest), weighting);
        double think = sweepThinkSeconds + smaller.overheadMs() / 1000.0;
        ClosedSystemModel backToBack = new ClosedSystemModel(fit.model());
        ClosedSystemModel.Prediction p = backToBack.predict(largest.users(), think, largest.poolSize());
        Interval interval = UslIntervals.of(fit, RoundsNoise.relativeSd(rest)).prediction(
                m -> new ClosedSystemModel(m).predict(largest.users(), think, largest.poolSize()).throughput());
        double p95 = smaller.p95(backToBack, p);
        return new Backtest(rest.size(), largest.users(), largest.poolSize(), p.throughput(), largest.throughput(),
                100 * (p.throughput() - largest.throughput()) / largest.throughput(), p95, largest.p95Ms(),
                100 * (p95 - largest.p95Ms()) / largest.p95Ms(), interval);
    }

    private static List<UslFit.Point> points(List<SweepStep> steps) {
        return steps.stream().map(s -> new UslFit.Point(s.busyLittle(), s.throughput())).toList();
    }
}
