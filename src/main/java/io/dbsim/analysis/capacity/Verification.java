package io.dbsim.analysis.capacity;

import io.dbsim.analysis.Round;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The target load run for real beside what the capacity answer predicted for it (`capacity --verify`), with the
 * figures that say why the two differ when they do. Rounded once: reports state it as it is.
 *
 * @param held            throughput and p95 each inside their 95% interval or within the goal ({@link #THROUGHPUT_GOAL_PCT},
 *                        {@link #P95_GOAL_FACTOR}) of the prediction
 * @param verdict         the sentence that leads the answer: held, or missed with the likely cause and no single number
 * @param causes          what the figures point at when it missed (data growth, the simulator's CPU, hold time, bursts, noise)
 * @param dataGrowthPct   the target run's own change of all tables' rows; null when not observed
 * @param roundsSpreadPct the largest spread of a sweep step's rounds; 0 when each ran once
 * @param throughputAtMeasuredSimulatorCpu the model again with the simulator's CPU as the target run measured it
 *                        instead of as expected: how much of the miss the load generator's own cost explains
 * @param expectedSimulatorCpuPct the simulator's share of the host the plan expected at the target ({@link HostShare})
 */
public record Verification(int users, double thinkTimeMs, int poolSize, double measuredSeconds, long operations,
                           double errorRatePct, Figure throughput, Figure responseMeanMs, Figure responseP95Ms,
                           Figure poolWaitMeanMs, Figure holdMeanMs, Figure throughputAtMeasuredSimulatorCpu,
                           double expectedSimulatorCpuPct, double simulatorCpuPct, double sweepSimulatorCpuPctMax,
                           double hostCpuPct, double sweepHostCpuPctMax, Double dataGrowthPct, double roundsSpreadPct,
                           boolean interrupted, boolean held, String verdict, List<String> causes) {

    public static final double THROUGHPUT_GOAL_PCT = 10;
    public static final double P95_GOAL_FACTOR = 1.5;
    /** The simulator took this many points more of the host's CPU than expected: a different host for the database. */
    static final double CPU_SHIFT_POINTS = 5;
    static final double SLOWER_HOLD_FACTOR = 1.25;

    /**
     * One quantity, predicted and measured.
     *
     * @param errorPct (predicted − measured) / measured, in percent, as the back-test states it
     * @param inside   whether the measured value fell inside [low, high]; null when there is no interval
     */
    public record Figure(double predicted, double measured, double errorPct, Double low, Double high, Boolean inside) {

        static Figure of(double predicted, double measured, Interval interval) {
            boolean known = interval != null && interval.known();
            return new Figure(r(predicted), r(measured), r(measured == 0 ? 0 : 100 * (predicted - measured) / measured),
                    known ? r(interval.low()) : null, known ? r(interval.high()) : null,
                    known ? interval.contains(measured) : null);
        }

        /** Inside an interval that pins the answer down: one wider than a factor 2 holds anything. */
        boolean insideANarrowInterval() {
            return Boolean.TRUE.equals(inside) && high <= CapacityPlanner.WIDE_INTERVAL * low;
        }

        /** measured / predicted, or its inverse, whichever is at least 1. */
        double factor() {
            if (predicted <= 0 || measured <= 0) {
                return Double.POSITIVE_INFINITY;
            }
            return Math.max(measured / predicted, predicted / measured);
        }
    }

    /**
     * @param measured the target run's figures, summarised as a sweep step
     * @param sweep    the steps the plan was fitted to
     */
    public static Verification of(CapacityPlan plan, SweepStep measured, List<SweepStep> sweep) {
        ClosedSystemModel.Prediction at = plan.atTarget();
        CapacityPlan.TargetIntervals in = plan.intervals();
        Figure x = Figure.of(at.throughput(), measured.throughput(), in.throughputPrediction());
        Figure mean = Figure.of(at.responseMean() * 1000, measured.meanMs(), in.responseMeanMs());
        Figure p95 = Figure.of(plan.p95Ms(), measured.p95Ms(), in.p95Ms());
        Figure wait = Figure.of(at.poolWaitMean() * 1000, measured.poolWaitMeanMs(), null);
        Figure hold = Figure.of(at.holdMean() * 1000, measured.holdMeanMs(), null);
        HostShare share = plan.hostShare().withTarget(measured.simulatorCpuPct());
        ClosedSystemModel.Prediction atMeasuredCpu = new ClosedSystemModel(plan.fit().model(), share.factor(), plan.pacedHold())
                .predict(plan.targetUsers(), plan.thinkSeconds(), plan.pool());
        Figure xAtCpu = Figure.of(atMeasuredCpu.throughput(), measured.throughput(), null);
        double expectedCpu = plan.hostShare().targetSimulatorCpuPct();
        double sweepCpu = sweep.stream().mapToDouble(SweepStep::simulatorCpuPct).max().orElse(0);
        double sweepHost = sweep.stream().mapToDouble(SweepStep::hostCpuPct).max().orElse(0);
        double spread = sweep.stream().mapToDouble(SweepStep::spreadPct).max().orElse(0);
        int rounds = sweep.stream().mapToInt(SweepStep::rounds).min().orElse(1);
        double growth = DataGrowth.withinPct(measured);
        double sweepGrowth = DataGrowth.acrossPct(sweep);
        boolean throughputHeld = x.insideANarrowInterval() || Math.abs(x.errorPct()) <= THROUGHPUT_GOAL_PCT;
        boolean p95Held = p95.insideANarrowInterval() || p95.factor() <= P95_GOAL_FACTOR;
        boolean held = throughputHeld && p95Held && !measured.interrupted();

        List<String> causes = new ArrayList<>();
        if (!held) {
            if (measured.simulatorCpuPct() >= expectedCpu + CPU_SHIFT_POINTS) {
                causes.add(String.format(Locale.ROOT, "generator CPU: the simulator took %.0f%% of the host's CPU at the target "
                        + "where %.0f%% was expected (at most %.0f%% in the sweep); with that, the model gives %,.0f ops/s "
                        + "(%+.0f%% against the measured)", measured.simulatorCpuPct(), expectedCpu, sweepCpu,
                        xAtCpu.predicted(), xAtCpu.errorPct()));
            }
            if (hold.measured() > SLOWER_HOLD_FACTOR * hold.predicted() && hold.predicted() > 0) {
                causes.add(String.format(Locale.ROOT, "slower database: each operation held its connection %.1f ms against %.1f ms "
                        + "predicted (host CPU %.0f%% at the target, at most %.0f%% in the sweep)", hold.measured(), hold.predicted(),
                        measured.hostCpuPct(), sweepHost));
            }
            if (throughputHeld && wait.measured() > 2 * wait.predicted() + 1) {
                causes.add(String.format(Locale.ROOT, "bursts: users waited %.1f ms for a connection against %.1f ms predicted "
                        + "while the throughput held; arrivals from many independent users bunch up more than the model's",
                        wait.measured(), wait.predicted()));
            }
            double stepGrowth = sweep.stream().mapToDouble(DataGrowth::withinPct).filter(Double::isFinite).max().orElse(0);
            if (growth - stepGrowth > DataGrowth.WARN_PCT) {
                causes.add(String.format(Locale.ROOT, "data growth: the target run changed the tables' rows by %+.0f%%, a sweep "
                        + "step by at most %+.0f%%, so it measured other data than the sweep", growth, stepGrowth));
            }
            if (Math.abs(sweepGrowth) > DataGrowth.WARN_PCT) {
                causes.add(String.format(Locale.ROOT, DataGrowth.sameStart(sweep)
                        ? "data growth: the sweep's rows grew by up to %+.0f%% within a step while it ran, so the fit mixes different data"
                        : "data growth: the sweep's rows grew by %+.0f%% across its steps, so the fit mixes different data", sweepGrowth));
            }
            if (rounds < 2) {
                causes.add("noise unknown: the sweep ran each step once ('dbsim sweep --repeat 3' measures it)");
            } else if (spread >= Math.abs(x.errorPct())) {
                causes.add(String.format(Locale.ROOT, "noise: the sweep's rounds spread by up to %.0f%%, as much as the miss", spread));
            }
            if (measured.interrupted()) {
                causes.add("the target run was interrupted before its end");
            }
            if (causes.isEmpty()) {
                causes.add("none of data growth, the simulator's CPU, hold time or noise explains it: the model does not "
                        + "describe this target");
            }
        }
        String verdict = held
                ? String.format(Locale.ROOT, "the answer held at the target: %,.0f ops/s measured against %,.0f predicted (%+.0f%%), "
                        + "p95 %,.1f ms against %,.1f ms (%+.0f%%)", x.measured(), x.predicted(), x.errorPct(), p95.measured(),
                        p95.predicted(), p95.errorPct())
                : String.format(Locale.ROOT, "the answer did NOT hold at the target: %,d users measured %,.0f ops/s%s and p95 "
                        + "%,.1f ms%s; likely cause: %s. Plan on the measured figures, not on the prediction",
                        measured.users(), x.measured(), outside(x, "ops/s", 0), p95.measured(), outside(p95, "ms", 1), causes.get(0));
        return new Verification(measured.users(), r(plan.thinkSeconds() * 1000 - plan.overheadMs()), measured.poolSize(),
                r(measured.seconds()), measured.operations(), r(measured.errorRatePct()), x, mean, p95, wait, hold, xAtCpu,
                r(expectedCpu), r(measured.simulatorCpuPct()), r(sweepCpu), r(measured.hostCpuPct()), r(sweepHost),
                Double.isNaN(growth) ? null : r(growth), r(spread), measured.interrupted(), held, verdict, List.copyOf(causes));
    }

    private static String outside(Figure f, String unit, int decimals) {
        String format = "%,." + decimals + "f";
        String range = f.low() == null ? "no interval"
                : String.format(Locale.ROOT, "95%% interval " + format + " to " + format, f.low(), f.high());
        String where = f.insideANarrowInterval() ? "inside its " : Boolean.TRUE.equals(f.inside()) ? "inside, but wider than a factor 2, its "
                : Boolean.FALSE.equals(f.inside()) ? "outside its " : "with ";
        return String.format(Locale.ROOT, " (%s%s; the model said " + format + " %s)", where, range, f.predicted(), unit);
    }

    private static double r(double v) {
        return Round.milli(v);
    }
}
