package io.dbsim.analysis.capacity;

import java.util.List;

/**
 * The answer to "how many users can this database carry, with what pool, at what response time".
 *
 * @param fit                     the USL fitted to the sweep; for a single run, a line through one point
 * @param weak                    true when it rests on one run, not a sweep: an optimistic upper bound
 * @param thinkSeconds            the target users' think time, plus the simulator's measured per-operation overhead
 * @param atTarget                the closed-system model's prediction at the target users and {@code pool}
 * @param p95Ms                   the predicted p95: the mean scaled by the p95/mean ratio measured at the closest step
 * @param intervals               95% intervals of throughput, mean response time and p95 at the target
 * @param maxUsersMeetingTarget   the largest user count whose predicted p95 meets the target, with {@code pool}
 * @param recommendedPool         the smallest pool within 1% of the best throughput at the target users
 * @param contentionPool          past this many busy connections more connections lower throughput (null: no peak seen)
 * @param limit                   what limits first at the target: pool, database, load generator, or none
 * @param measuredBusyMax         the largest busy concurrency the steps measured
 * @param doubt                   why the figures cannot be taken at their word (the first of the warnings), or null
 * @param hostShare               the host's CPU the simulator is expected to take from the database at the target
 * @param pacedHold               how much longer connections are held when the target's users pause; NONE when not modelled
 * @param speedVariation          the database's speed variation the p95 of a queueing target rests on; NONE when its
 *                                users do not queue or the sweep did not measure it
 */
public record CapacityPlan(UslFit fit, boolean weak, int targetUsers, double thinkSeconds, double overheadMs,
                           double p95TargetMs, int pool, ClosedSystemModel.Prediction atTarget, double p95Ms,
                           TargetIntervals intervals, int maxUsersMeetingTarget, int recommendedPool, Integer contentionPool, String limit,
                           String limitReason, double measuredBusyMax, List<String> warnings, Backtest backtest,
                           String doubt, HostShare hostShare, PacedHold pacedHold,
                           SpeedVariation speedVariation) {

    /** The target's busy connections over the largest measured: above 1, an extrapolation. */
    public double rangeRatio() {
        return atTarget.busyMean() / measuredBusyMax;
    }

    /**
     * What the fit's uncertainty allows at the target ({@link UslIntervals}): the mean throughput and
     * mean response time the model gives, and p95 with them (the same p95/mean ratio).
     *
     * @param noisePct        one step's throughput noise, in percent of it
     * @param noiseFromRounds whether the noise came from the rounds' spread rather than the fit's residuals
     * @param throughputPrediction where one run at the target should fall: {@code throughput} with a run's own noise added
     */
    public record TargetIntervals(double noisePct, boolean noiseFromRounds, Interval throughput, Interval responseMeanMs,
                                  Interval p95Ms, Interval throughputPrediction) {
    }

    /**
     * Fit on all steps but the largest, predict the largest, compare with what it measured.
     *
     * @param throughputInterval where the largest step's throughput should fall: the prediction's 95% interval with
     *                           the step's own noise added (unknown when the smaller steps leave no residual freedom)
     */
    public record Backtest(int fittedSteps, int users, int pool, double predictedThroughput, double measuredThroughput,
                           double throughputErrorPct, double predictedP95Ms, double measuredP95Ms, double p95ErrorPct,
                           Interval throughputInterval) {

        /** Whether the measured throughput fell inside its interval; false also when the interval is unknown. */
        public boolean measuredInside() {
            return throughputInterval.contains(measuredThroughput);
        }
    }
}
