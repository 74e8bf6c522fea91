package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityPlannerTest {

    private static final UslModel TRUTH = new UslModel(500, 0.1, 0.002);

    /** Steps as a sweep at think time 0 would measure them from a database that follows TRUTH exactly. */
    private static Sweep sweep(int... users) {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : users) {
            steps.add(step(n, TRUTH.throughput(n), 1, 0));
        }
        return sweep(steps);
    }

    /** At think time 0 and Little's law: n busy connections, each operation n / x seconds, p95 twice the mean. */
    private static SweepStep step(int n, double x, int rounds, double roundsSpread) {
        double meanMs = 1000.0 * n / x;
        return new SweepStep(n, 64, 30, (long) (x * 30), 0, x, meanMs, meanMs, 2 * meanMs, 3 * meanMs, 0, 0, meanMs, n, n,
                0, 20, false, rounds, x * (1 - roundsSpread), x * (1 + roundsSpread), 40, 0, 0, 0);
    }

    private static Sweep sweep(List<SweepStep> steps) {
        return new Sweep(Sweep.SCHEMA_VERSION, "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false, steps, List.of());
    }

    /** TRUTH measured at 1, 2, 4, 8, 16 and 32 users with the given relative noise, then each step's factor applied. */
    private static Sweep noisy(double noise, long seed, double... factors) {
        Random random = new Random(seed);
        int[] users = {1, 2, 4, 8, 16, 32};
        List<SweepStep> steps = new ArrayList<>();
        for (int i = 0; i < users.length; i++) {
            double x = TRUTH.throughput(users[i]) * (1 + noise * random.nextGaussian()) * (i < factors.length ? factors[i] : 1);
            steps.add(step(users[i], x, 1, 0));
        }
        return sweep(steps);
    }

    @Test
    void aSweepOfAnExactUslDatabasePredictsItsLargestStepAndNamesThePeakAsThePoolLimit() {
        CapacityPlan plan = new CapacityPlanner(sweep(1, 2, 4, 8, 16, 32)).plan(4000, 10, 500, null);

        assertThat(plan.backtest().throughputErrorPct()).isCloseTo(0, within(0.5));
        assertThat(plan.contentionPool()).isEqualTo((int) Math.floor(Math.sqrt(0.9 / 0.002)));
        // 4000 users thinking 10 s ask for about 400 ops/s, well under the peak: nothing limits.
        assertThat(plan.limit()).isEqualTo("none");
        assertThat(plan.atTarget().throughput()).isCloseTo(4000 / 10.0, within(5.0));
        assertThat(plan.maxUsersMeetingTarget()).isGreaterThan(4000);
        assertThat(plan.recommendedPool()).isLessThanOrEqualTo(plan.contentionPool());
    }

    @Test
    void moreUsersThanThePeakCarriesAreLimitedByTheDatabaseNotThePool() {
        CapacityPlan plan = new CapacityPlanner(sweep(1, 2, 4, 8, 16, 32)).plan(200_000, 10, 500, null);

        assertThat(plan.limit()).isEqualTo("database");
        assertThat(plan.atTarget().throughput()).isCloseTo(TRUTH.peakThroughput(), within(0.02 * TRUTH.peakThroughput()));
        // Users queue for connections: p95 is the model's own, a queue of thousands varying little, not the steps' 2x.
        assertThat(plan.atTarget().poolWaitMean()).isGreaterThan(plan.atTarget().holdMean());
        assertThat(plan.p95Ms() / (1000 * plan.atTarget().responseMean())).isBetween(1.0, 1.2);
    }

    @Test
    void queueingUsersP95IsTheResponseWithTheDatabaseAtTheSpeedItExceeds95PercentOfTheTime() {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : new int[]{1, 2, 4, 8, 16, 32}) {
            SweepStep s = step(n, TRUTH.throughput(n), 1, 0);
            steps.add(new SweepStep(s.users(), s.poolSize(), s.seconds(), s.operations(), s.errorRatePct(), s.throughput(),
                    s.meanMs(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.poolWaitMeanMs(), s.poolWaitP95Ms(), s.holdMeanMs(),
                    s.busyLittle(), s.busySampled(), s.cycleOverheadMs(), s.simulatorCpuPct(), s.interrupted(), s.rounds(),
                    s.throughputMin(), s.throughputMax(), s.hostCpuPct(), 0, 0, n == 8 ? 16 : 40));
        }
        CapacityPlan steady = new CapacityPlanner(sweep(1, 2, 4, 8, 16, 32)).plan(4000, 1.5, 500, 8);
        CapacityPlan varying = new CapacityPlanner(sweep(steps)).plan(4000, 1.5, 500, 8);

        // 4000 users thinking 1.5 s ask for 2,667 ops/s, the pool's 8 connections carry 2,207: they queue. The 8-user
        // step is the one of the target's concurrency: 16% per second, 16 / sqrt(1.5) over a think time.
        assertThat(varying.speedVariation().stepUsers()).isEqualTo(8);
        double slow = 1 - 1.645 * 0.16 / Math.sqrt(1.5);
        assertThat(varying.speedVariation().slowFactor(1.5)).isCloseTo(slow, within(1e-9));
        // At the pool's rate every user queues: R = N / X - Z, with X the pool's 8 connections at that speed.
        double atSlowSpeed = 1000 * (4000 / (slow * TRUTH.throughput(8)) - 1.5);
        assertThat(varying.p95Ms()).isCloseTo(atSlowSpeed, within(0.01 * atSlowSpeed));
        assertThat(varying.atTarget().throughput()).isCloseTo(steady.atTarget().throughput(), within(1e-6));
        // A steady database leaves the model's own queue: its p95 close to the mean.
        assertThat(steady.speedVariation().none()).isTrue();
        assertThat(steady.p95Ms() / (1000 * steady.atTarget().responseMean())).isBetween(1.0, 1.2);
        assertThat(varying.p95Ms() / (1000 * varying.atTarget().responseMean())).isGreaterThan(2);
    }

    @Test
    void aNoisySweepsPlanBoundsThroughputResponseTimeAndP95AtTheTargetAndItsBackTest() {
        CapacityPlan plan = new CapacityPlanner(noisy(0.03, 3)).plan(20_000, 1, 500, null);
        CapacityPlan.TargetIntervals in = plan.intervals();

        assertThat(in.throughput().estimate()).isEqualTo(plan.atTarget().throughput());
        assertThat(in.responseMeanMs().estimate()).isCloseTo(1000 * plan.atTarget().responseMean(), within(1e-9));
        assertThat(in.p95Ms().estimate()).isCloseTo(plan.p95Ms(), within(1e-9));
        for (Interval i : List.of(in.throughput(), in.responseMeanMs(), in.p95Ms())) {
            assertThat(i.low()).isLessThan(i.estimate());
            assertThat(i.high()).isGreaterThan(i.estimate());
        }
        // 20,000 users queue for connections: p95 is the model's own, close to the mean, and its interval scales with the mean's.
        double ratio = plan.p95Ms() / (1000 * plan.atTarget().responseMean());
        assertThat(ratio).isBetween(1.0, 1.2);
        assertThat(in.p95Ms().low()).isCloseTo(ratio * in.responseMeanMs().low(), within(1e-6));
        assertThat(in.noiseFromRounds()).isFalse();
        assertThat(in.noisePct()).isBetween(0.5, 10.0);
        CapacityPlan.Backtest b = plan.backtest();
        assertThat(b.throughputInterval().known()).isTrue();
        assertThat(b.throughputInterval().estimate()).isCloseTo(b.predictedThroughput(), within(1e-9));
        assertThat(b.measuredInside()).isTrue();
        assertThat(plan.warnings().get(0)).doesNotContain("back-test measured").doesNotContain("interval at the target is wide");
    }

    @Test
    void aBackTestThatMissesItsIntervalLeadsTheWarningsWithItsFigures() {
        // The five smaller steps follow TRUTH within about 1%; the largest measures 30% below it.
        CapacityPlan plan = new CapacityPlanner(noisy(0.01, 4, 1, 1, 1, 1, 1, 0.7)).plan(4000, 10, 500, null);
        CapacityPlan.Backtest b = plan.backtest();

        assertThat(b.measuredInside()).isFalse();
        assertThat(b.measuredThroughput()).isLessThan(b.throughputInterval().low());
        assertThat(plan.warnings().get(0)).startsWith("the back-test measured")
                .contains(String.format(Locale.ROOT, "%,.0f ops/s at 32 users", b.measuredThroughput()))
                .contains(String.format(Locale.ROOT, "(%,.0f to %,.0f ops/s); likely cause: noise cannot be ruled out (each "
                        + "step ran once)", b.throughputInterval().low(), b.throughputInterval().high()));
        assertThat(plan.doubt()).isEqualTo(plan.warnings().get(0));
        assertThat(CapacitySection.of(plan).doubt()).isEqualTo(plan.doubt());
    }

    /** Rows of step i of n at its start or end. */
    private interface Rows {
        long of(int step, int steps);
    }

    /** The back-test's miss (each step run once), with each step's live rows at start and end given. */
    private static List<SweepStep> missWithRows(Rows start, Rows end) {
        List<SweepStep> steps = noisy(0.01, 4, 1, 1, 1, 1, 1, 0.7).steps();
        List<SweepStep> grown = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            SweepStep s = steps.get(i);
            grown.add(new SweepStep(s.users(), s.poolSize(), s.seconds(), s.operations(), s.errorRatePct(), s.throughput(),
                    s.meanMs(), s.p50Ms(), s.p95Ms(), s.p99Ms(), s.poolWaitMeanMs(), s.poolWaitP95Ms(), s.holdMeanMs(),
                    s.busyLittle(), s.busySampled(), s.cycleOverheadMs(), s.simulatorCpuPct(), false, 1, s.throughput(),
                    s.throughput(), 40, start.of(i, steps.size()), end.of(i, steps.size()), 0));
        }
        return grown;
    }

    @Test
    void dataThatGrewAcrossTheStepsIsWarnedOfAndNamedAsTheBackTestsLikelyCause() {
        // The same miss, with the rows growing from 10,000 to 12,500 along the steps (+25%).
        CapacityPlan plan = new CapacityPlanner(sweep(missWithRows((i, n) -> 10_000 + 500L * i, (i, n) -> 10_000 + 500L * (i + 1))))
                .plan(4000, 10, 500, null);

        assertThat(plan.warnings().get(0)).contains("likely cause: data growth (the rows grew by +30% across the steps)");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("the data grew by +30% across the sweep's steps"));
    }

    @Test
    void dataThatGrewWithinStepsRestoredBeforeEachIsWarnedOfAsGrowthWhileTheStepsRan() {
        // Every step starts from 10,000 rows, as after a restore; the last, fastest one ends with 14,000 (+40%).
        CapacityPlan plan = new CapacityPlanner(sweep(missWithRows((i, n) -> 10_000, (i, n) -> 10_000 + 4_000L * (i + 1) / n)))
                .plan(4000, 10, 500, null);

        assertThat(plan.warnings().get(0)).contains("likely cause: data growth (the rows grew by up to +40% within a step)");
        assertThat(plan.warnings()).anyMatch(w -> w.startsWith("the data grew by up to +40% within a step while it ran"))
                .noneMatch(w -> w.contains("across the sweep's steps"));
    }

    @Test
    void roundsThatVaryByFortyPercentMakeTheTargetsIntervalWideAndThatLeadsTheWarnings() {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
            steps.add(step(n, TRUTH.throughput(n) * (n % 2 == 0 ? 1.002 : 0.998), 3, 0.4));
        }
        CapacityPlan plan = new CapacityPlanner(sweep(steps)).plan(20_000, 1, 500, null);
        CapacityPlan.TargetIntervals in = plan.intervals();

        assertThat(in.noiseFromRounds()).isTrue();
        assertThat(in.noisePct()).isCloseTo(100 * 0.8 / RoundsNoise.expectedRange(3), within(1e-9));
        assertThat(Math.max(in.throughput().spread(), in.p95Ms().spread())).isGreaterThan(CapacityPlanner.WIDE_INTERVAL);
        assertThat(plan.warnings().get(0)).startsWith("the 95% interval at the target is wide")
                .contains(String.format(Locale.ROOT, "throughput %,.0f to %,.0f ops/s", in.throughput().low(),
                        in.throughput().high()));
    }

    @Test
    void threeStepsGiveAPlanWithoutIntervals() {
        CapacityPlan plan = new CapacityPlanner(sweep(1, 4, 16)).plan(4000, 10, 500, null);

        assertThat(plan.intervals().throughput().known()).isFalse();
        assertThat(plan.intervals().p95Ms().known()).isFalse();
        assertThat(plan.intervals().throughput().estimate()).isEqualTo(plan.atTarget().throughput());
    }

    @Test
    void anInterruptedSingleRunStillGivesItsWeakEstimate() {
        SweepStep run = new SweepStep(20, 10, 12, 6000, 0, 500, 20, 18, 40, 60, 0, 0, 20, 10, 10, 0, 30, true, 1, 500, 500, 60, 0, 0, 0);

        CapacityPlan plan = CapacityPlanner.fromSingleRun(run, 0.1, 1000, 0.1, 500, null);

        assertThat(plan.weak()).isTrue();
        assertThat(plan.atTarget().throughput()).isPositive();
        assertThat(plan.intervals().throughput().known()).isFalse();
        assertThat(plan.warnings().get(0)).contains("optimistic upper bound");
    }

    /**
     * A paced step of 1000 users asking for {@code share} of the closed steps' peak that holds each connection
     * {@code ratio} times as long as TRUTH back to back at its concurrency (found by iterating busy = x × hold), its p95
     * three times its mean.
     */
    private static PacedStep paced(double peak, double share, double ratio) {
        double x = share * peak;
        double holdMs = ratio * 1000 / TRUTH.lambda();
        for (int i = 0; i < 100; i++) {
            double busy = Math.max(1, x * holdMs / 1000);
            holdMs = ratio * 1000 * busy / TRUTH.throughput(busy);
        }
        return PacedSteps.of(share, x, holdMs);
    }

    @Test
    void pausingUsersHoldConnectionsAsLongAsThePacedStepsMeasuredAndTheirP95FollowsThePacedSpread() {
        Sweep closed = sweep(1, 2, 4, 8, 16, 32);
        double peak = closed.steps().stream().mapToDouble(SweepStep::throughput).max().orElseThrow();
        Sweep withPaced = new Sweep(closed.schemaVersion(), "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false,
                closed.steps(), List.of(paced(peak, 0.25, 2), paced(peak, 0.5, 2)));

        CapacityPlan backToBack = new CapacityPlanner(closed).plan(4000, 10, 500, 16);
        CapacityPlan paused = new CapacityPlanner(withPaced).plan(4000, 10, 500, 16);

        // 4000 users thinking 10 s ask for about 400 ops/s, 15% of the peak: between no load (1) and the first paced step (2).
        double share = paused.atTarget().throughput() / peak;
        assertThat(paused.atTarget().holdFactor()).isCloseTo(1 + share / 0.25, within(0.02));
        // The factor's share of the hold, and a little more: longer holds keep more connections busy, each a little slower.
        double scaled = paused.atTarget().holdFactor() * backToBack.atTarget().holdMean();
        assertThat(paused.atTarget().holdMean()).isBetween(scaled, 1.1 * scaled);
        assertThat(paused.atTarget().throughput()).isCloseTo(backToBack.atTarget().throughput(), within(1.0));
        assertThat(paused.p95Ms()).isCloseTo(3 * 1000 * paused.atTarget().responseMean(), within(1e-9));
        assertThat(backToBack.p95Ms()).isCloseTo(2 * 1000 * backToBack.atTarget().responseMean(), within(1e-9));
        assertThat(backToBack.warnings()).anyMatch(w -> w.startsWith("the sweep has no paced steps"));
        assertThat(paused.warnings()).noneMatch(w -> w.startsWith("the sweep has no paced steps"));
        CapacitySection.PacedHoldRow row = CapacitySection.of(paused).pacedHold();
        assertThat(row.points()).extracting(CapacitySection.PacedPoint::ratio).containsExactly(2.0, 2.0);
        assertThat(row.holdFactor()).isEqualTo(Math.round(1000 * paused.atTarget().holdFactor()) / 1000.0);
        assertThat(CapacitySection.of(backToBack).pacedHold()).isNull();
    }

    @Test
    void aTargetThatDoesNotThinkIgnoresThePacedSteps() {
        Sweep closed = sweep(1, 2, 4, 8, 16, 32);
        Sweep withPaced = new Sweep(closed.schemaVersion(), "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false,
                closed.steps(), List.of(paced(2600, 0.5, 2)));

        CapacityPlan plan = new CapacityPlanner(withPaced).plan(40, 0, 500, 16);

        assertThat(plan.atTarget().holdFactor()).isEqualTo(1);
        assertThat(plan.pacedHold().none()).isTrue();
    }
}
