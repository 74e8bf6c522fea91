package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CapacityPlannerTest {

    private static final UslModel TRUTH = new UslModel(500, 0.1, 0.002);

    /** Steps as a sweep at think time 0 would measure them from a database that follows TRUTH exactly. */
    private static Sweep sweep(int... users) {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : users) {
            double x = TRUTH.throughput(n);
            double meanMs = 1000.0 * n / x;
            steps.add(new SweepStep(n, 64, 30, (long) (x * 30), 0, x, meanMs, meanMs, 2 * meanMs, 3 * meanMs, 0, 0, meanMs, n, n,
                    0, 20, false, 1, x, x));
        }
        return new Sweep(Sweep.SCHEMA_VERSION, "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false, steps);
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
    }

    @Test
    void anInterruptedSingleRunStillGivesItsWeakEstimate() {
        SweepStep run = new SweepStep(20, 10, 12, 6000, 0, 500, 20, 18, 40, 60, 0, 0, 20, 10, 10, 0, 30, true, 1, 500, 500);

        CapacityPlan plan = CapacityPlanner.fromSingleRun(run, 0.1, 1000, 0.1, 500, null);

        assertThat(plan.weak()).isTrue();
        assertThat(plan.atTarget().throughput()).isPositive();
        assertThat(plan.warnings().get(0)).contains("optimistic upper bound");
    }
}
