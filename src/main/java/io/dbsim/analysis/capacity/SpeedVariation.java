package io.dbsim.analysis.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * How much the database's speed varies from one second to the next, as the sweep step of closest busy concurrency
 * measured it ({@link SweepStep#throughputCvPct()}). With thousands of users queueing for a pool, the queue grows
 * while the database runs slow and shrinks while it runs fast; a user's wait is the queue ahead over the rate it
 * drains at, so the slow spells make the wait's p95. Measured here at 4,000 users on a pool of 8 above the peak: the
 * throughput varied 17% from second to second and the queue between 1,390 and 2,070 users; in the runs of
 * bench/capacity-at-target the p95 was 1.30 to 1.51 times the mean, where a queue served at a steady rate gives 1.06.
 *
 * <p>The queue follows the speed averaged over about a think time (the users it lost come back after one), so the
 * variation that counts is the per-second one over the square root of the think time in seconds, at least one.
 *
 * @param perSecondPct the throughput's coefficient of variation over one-second samples, in percent; 0 when unknown
 * @param stepUsers    the users of the step it was measured at
 */
public record SpeedVariation(double perSecondPct, int stepUsers) {

    public static final SpeedVariation NONE = new SpeedVariation(0, 0);
    /** The one-sided 95% point of a normal distribution: the speed exceeded 95% of the time. */
    private static final double Z_95 = 1.645;
    /** The speed is not taken below this share of its mean however noisy the steps were. */
    private static final double SLOWEST = 0.5;

    /** From the closed step whose busy concurrency is closest to {@code busy}, among those that measured a variation. */
    public static SpeedVariation of(List<SweepStep> steps, double busy) {
        return steps.stream().filter(s -> !s.interrupted() && s.throughputCvPct() > 0)
                .min(Comparator.comparingDouble(s -> Math.abs(s.busyLittle() - busy)))
                .map(s -> new SpeedVariation(s.throughputCvPct(), s.users())).orElse(NONE);
    }

    public boolean none() {
        return perSecondPct <= 0;
    }

    /** The variation over the spell a queue of users thinking {@code thinkSeconds} averages, in percent. */
    public double overThinkTimePct(double thinkSeconds) {
        return perSecondPct / Math.sqrt(Math.max(1, thinkSeconds));
    }

    /** The database's speed exceeded 95% of the time, as a share of its mean. */
    public double slowFactor(double thinkSeconds) {
        return Math.max(SLOWEST, 1 - Z_95 * overThinkTimePct(thinkSeconds) / 100);
    }
}
