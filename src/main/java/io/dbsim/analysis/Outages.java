package io.dbsim.analysis;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.FailureSpell;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import org.hipparchus.distribution.discrete.PoissonDistribution;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

/**
 * The outages a run lived through, found once in its time series: a sample interval is bad when its failures
 * cluster (3 or more, far more than the run's rate in the calm intervals before: Poisson p < 0.001, the rate counted
 * with one failure more than seen, so a short calm is not taken for a rate of zero) or when successful operations fall to
 * 10% or less of what the load before gave (a stall). An outage starts with a bad interval after at least 3 good ones
 * (its baseline: up to the last 10), ends with the last bad one, and is recovered, as a spike is
 * ({@link SpikeRecovery}), at the start of the first of two intervals in a row whose successful throughput is back
 * within 10% of the baseline's and whose p95 is too. Warm-up and the closing sample, taken when the users have
 * stopped, are left out.
 */
public record Outages(List<Outage> outages) {

    static final int MIN_BASELINE = 3;
    static final int BASELINE = 10;
    static final int MIN_CLUSTER = 3;
    static final double CLUSTER_P = 0.001;
    static final double STALL = 0.10;
    /** Fewer successes per interval than this and an empty interval is chance, not a stall. */
    static final double MIN_OPS_FOR_STALL = 10;
    static final double WITHIN = 0.10;
    static final int RECOVERY = SpikeRecovery.CONSECUTIVE;

    /**
     * One outage, times in seconds since the run started; counts over the outage until it recovered (or the run ended).
     *
     * @param recoveredAtS     null when throughput and p95 were not back before the run ended
     * @param baselineOpsPerSec successful operations per second before (the baseline intervals' median)
     * @param lowestOpsPerSec  the fewest successful operations per second in one interval of it
     * @param worstP95Ms       the highest interval p95 of its successful operations (0 when none succeeded)
     * @param stalled          whether successful throughput fell to near zero in it
     * @param failuresByClass  indexed by {@link ErrorClass#ordinal()}
     * @param retriesByClass   operations tried again (--max-tries, --retry-connection-loss), by class
     * @param operationsLost   successful operations short of what the baseline's throughput would have given
     * @param usersGaveUp      distinct users whose operation failed in it (each arrival is a user in the open model);
     *                         null when not known
     */
    public record Outage(double startedAtS, double endedAtS, Double recoveredAtS, double baselineOpsPerSec, double baselineP95Ms,
                         double lowestOpsPerSec, double worstP95Ms, boolean stalled, long[] failuresByClass,
                         long[] retriesByClass, double operationsLost, Integer usersGaveUp) {

        public Double recoverySeconds() {
            return recoveredAtS == null ? null : recoveredAtS - startedAtS;
        }

        public long failures() {
            return Arrays.stream(failuresByClass).sum();
        }

        public long retries() {
            return Arrays.stream(retriesByClass).sum();
        }
    }

    public static Outages of(RunResult run) {
        List<TimePoint> all = run.timeSeries();
        double warmUp = run.config().warmUp().toNanos() / 1e9;
        boolean open = run.config().openModel();
        List<Outage> found = new ArrayList<>();
        Deque<Interval> baseline = new ArrayDeque<>();
        double calmSeconds = 0;
        long calmFailures = 0;
        Building current = null;
        for (int i = 0; i < all.size() - 1; i++) {
            Interval s = Interval.of(i == 0 ? 0 : all.get(i - 1).elapsedSeconds(), all.get(i));
            if (s.from() < warmUp || s.seconds() <= 0) {
                continue;
            }
            if (current == null) {
                Baseline before = baseline.size() >= MIN_BASELINE ? Baseline.of(baseline, (calmFailures + 1) / calmSeconds) : null;
                if (before != null && before.bad(s, open)) {
                    current = new Building(before, s, open);
                    continue;
                }
                if (s.point().users() > 0) {
                    calmSeconds += s.seconds();
                    calmFailures += s.failures();
                }
                if (s.point().users() > 0 && s.succeeded() > 0) {
                    baseline.addLast(s);
                    if (baseline.size() > BASELINE) {
                        baseline.removeFirst();
                    }
                }
                continue;
            }
            current.add(s, open);
            if (current.recovered()) {
                found.add(current.outage(run.failureSpells(), open));
                baseline.clear();
                for (Interval r : current.recoveryIntervals()) {
                    baseline.addLast(r);
                    calmSeconds += r.seconds();
                    calmFailures += r.failures();
                }
                current = null;
            }
        }
        if (current != null) {
            found.add(current.outage(run.failureSpells(), open));
        }
        return new Outages(List.copyOf(found));
    }

    /** The longest recovery, 0 without outages; NaN when one did not recover (no recovery time is then a pass). */
    public double longestRecoverySeconds() {
        double longest = 0;
        for (Outage o : outages) {
            if (o.recoverySeconds() == null) {
                return Double.NaN;
            }
            longest = Math.max(longest, o.recoverySeconds());
        }
        return longest;
    }

    public long failures() {
        return outages.stream().mapToLong(Outage::failures).sum();
    }

    /** One sample interval, from the previous point (or the start) to this one. */
    private record Interval(double from, TimePoint point, long[] failuresByClass, long[] retriesByClass) {

        static Interval of(double from, TimePoint p) {
            long[] failed = new long[ErrorClass.values().length];
            long[] retried = new long[ErrorClass.values().length];
            for (OperationTick t : p.operationTicks()) {
                for (int c = 0; c < failed.length; c++) {
                    failed[c] += t.failedByClass()[c];
                    retried[c] += t.retriedByClass()[c];
                }
            }
            return new Interval(from, p, failed, retried);
        }

        double seconds() {
            return point.elapsedSeconds() - from;
        }

        long failures() {
            return Arrays.stream(failuresByClass).sum();
        }

        long succeeded() {
            return Math.max(0, point.operations() - point.errors());
        }

        double succeededPerSecond() {
            return succeeded() / seconds();
        }
    }

    /**
     * What the intervals before an outage were like: medians of throughput, p95 and users over the last of them, and
     * the failure rate of the calm ones.
     */
    private record Baseline(double opsPerSec, double p95Ms, double users, double failuresPerSec, double succeededPerInterval) {

        static Baseline of(Deque<Interval> intervals, double failuresPerSec) {
            return new Baseline(median(intervals.stream().mapToDouble(Interval::succeededPerSecond).toArray()),
                    median(intervals.stream().mapToDouble(s -> s.point().p95Ms()).toArray()),
                    median(intervals.stream().mapToDouble(s -> s.point().users()).toArray()), failuresPerSec,
                    intervals.stream().mapToLong(Interval::succeeded).average().orElse(0));
        }

        /** The throughput this load should give: in a closed model, fewer users give proportionally less. */
        double expectedOpsPerSec(Interval s, boolean open) {
            return open ? opsPerSec : opsPerSec * Math.min(1, s.point().users() / users);
        }

        boolean bad(Interval s, boolean open) {
            return s.point().users() > 0 && (clustered(s) || stalled(s, open));
        }

        boolean clustered(Interval s) {
            long k = s.failures();
            return k >= MIN_CLUSTER
                    && 1 - new PoissonDistribution(failuresPerSec * s.seconds()).cumulativeProbability((int) k - 1) < CLUSTER_P;
        }

        boolean stalled(Interval s, boolean open) {
            return succeededPerInterval >= MIN_OPS_FOR_STALL && s.succeededPerSecond() <= STALL * expectedOpsPerSec(s, open);
        }

        boolean normal(Interval s, boolean open) {
            return !bad(s, open) && s.succeeded() > 0 && s.succeededPerSecond() >= (1 - WITHIN) * expectedOpsPerSec(s, open)
                    && s.point().p95Ms() <= (1 + WITHIN) * p95Ms;
        }

        private static double median(double[] values) {
            Arrays.sort(values);
            int n = values.length;
            return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
        }
    }

    /** An outage being followed, interval by interval, until two normal intervals in a row. */
    private static final class Building {
        private final Baseline baseline;
        private final double startedAt;
        private final List<Interval> intervals = new ArrayList<>();
        private final List<Boolean> normal = new ArrayList<>();
        private double endedAt;
        private boolean stalled;

        Building(Baseline baseline, Interval first, boolean open) {
            this.baseline = baseline;
            this.startedAt = first.from();
            add(first, open);
        }

        void add(Interval s, boolean open) {
            intervals.add(s);
            boolean isNormal = baseline.normal(s, open);
            normal.add(isNormal);
            if (baseline.bad(s, open)) {
                endedAt = s.point().elapsedSeconds();
                stalled |= baseline.stalled(s, open);
            }
        }

        boolean recovered() {
            int n = normal.size();
            return n > RECOVERY && normal.subList(n - RECOVERY, n).stream().allMatch(b -> b);
        }

        List<Interval> recoveryIntervals() {
            return intervals.subList(intervals.size() - RECOVERY, intervals.size());
        }

        Outage outage(List<FailureSpell> spells, boolean open) {
            boolean recovered = recovered();
            List<Interval> in = recovered ? intervals.subList(0, intervals.size() - RECOVERY) : intervals;
            Double recoveredAt = recovered ? recoveryIntervals().get(0).from() : null;
            long[] failed = new long[ErrorClass.values().length];
            long[] retried = new long[ErrorClass.values().length];
            double lost = 0;
            double lowest = Double.MAX_VALUE;
            double worstP95 = 0;
            for (Interval s : in) {
                for (int c = 0; c < failed.length; c++) {
                    failed[c] += s.failuresByClass()[c];
                    retried[c] += s.retriesByClass()[c];
                }
                lost += Math.max(0, baseline.expectedOpsPerSec(s, open) * s.seconds() - s.succeeded());
                lowest = Math.min(lowest, s.succeededPerSecond());
                worstP95 = Math.max(worstP95, s.point().p95Ms());
            }
            double until = recoveredAt != null ? recoveredAt : in.get(in.size() - 1).point().elapsedSeconds();
            Integer gaveUp = open ? Integer.valueOf((int) Arrays.stream(failed).sum())
                    : spells == null ? null : usersFailing(spells, startedAt, until);
            return new Outage(startedAt, endedAt, recoveredAt, baseline.opsPerSec(), baseline.p95Ms(), lowest, worstP95, stalled,
                    failed, retried, lost, gaveUp);
        }

        private static int usersFailing(List<FailureSpell> spells, double from, double to) {
            return (int) spells.stream().filter(sp -> sp.toS() >= from && sp.fromS() <= to).mapToInt(FailureSpell::user)
                    .distinct().count();
        }
    }
}
