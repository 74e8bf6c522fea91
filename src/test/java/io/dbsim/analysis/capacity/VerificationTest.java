package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VerificationTest {

    private static final UslModel TRUTH = new UslModel(1000, 0.05, 0.0005);

    /** A sweep on TRUTH at think time 0, simulator at 20% of a host at 60%, 3 rounds within ±1%, rows unchanged. */
    private static Sweep sweep() {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
            steps.add(measured(n, 64, TRUTH.throughput(n), 1000.0 * n / TRUTH.throughput(n), 0, 20, 1000, 1000, 3));
        }
        return new Sweep(Sweep.SCHEMA_VERSION, "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false, steps, List.of());
    }

    private static SweepStep measured(int users, int pool, double x, double holdMs, double waitMs, double simCpu, long rowsStart,
                                      long rowsEnd, int rounds) {
        double meanMs = holdMs + waitMs;
        return new SweepStep(users, pool, 60, (long) (60 * x), 0, x, meanMs, meanMs, 2 * meanMs, 3 * meanMs, waitMs, 2 * waitMs,
                holdMs, x * holdMs / 1000, x * holdMs / 1000, 0, simCpu, false, rounds, 0.99 * x, 1.01 * x, 60, rowsStart, rowsEnd, 0);
    }

    private static CapacityPlan plan() {
        return new CapacityPlanner(sweep()).plan(200, 1.0, 500, 8);
    }

    @Test
    void aTargetThatMeasuresWhatWasPredictedHoldsWithTheErrorsComputedOnTheMeasured() {
        CapacityPlan plan = plan();
        ClosedSystemModel.Prediction at = plan.atTarget();
        SweepStep run = measured(200, 8, at.throughput() * 1.02, at.holdMean() * 1000, at.poolWaitMean() * 1000, 21, 1000, 1010, 1);

        Verification v = Verification.of(plan, run, sweep().steps());

        assertThat(v.held()).isTrue();
        assertThat(v.causes()).isEmpty();
        assertThat(v.verdict()).startsWith("the answer held at the target");
        assertThat(v.throughput().predicted()).isCloseTo(at.throughput(), within(0.001));
        assertThat(v.throughput().errorPct()).isCloseTo(100 * (1 / 1.02 - 1), within(0.01));
        assertThat(v.dataGrowthPct()).isEqualTo(1.0);
        assertThat(v.users()).isEqualTo(200);
        assertThat(v.thinkTimeMs()).isEqualTo(1000.0);
    }

    @Test
    void aMissLeadsWithItAndNamesTheSimulatorsCpuWhenItTookMoreThanExpected() {
        CapacityPlan plan = plan();
        ClosedSystemModel.Prediction at = plan.atTarget();
        double expectedCpu = plan.hostShare().targetSimulatorCpuPct();
        // Throughput 30% under the prediction, p95 3 times it, the simulator 15 points over what was expected.
        SweepStep run = measured(200, 8, at.throughput() * 0.7, at.holdMean() * 3000, at.poolWaitMean() * 3000, expectedCpu + 15,
                1000, 1000, 1);

        Verification v = Verification.of(plan, run, sweep().steps());

        assertThat(v.held()).isFalse();
        assertThat(v.verdict()).startsWith("the answer did NOT hold at the target").contains("likely cause: generator CPU")
                .contains("Plan on the measured figures, not on the prediction");
        assertThat(v.causes().get(0)).startsWith("generator CPU");
        assertThat(v.causes()).anyMatch(c -> c.startsWith("slower database: each operation held its connection"));
        assertThat(v.expectedSimulatorCpuPct()).isCloseTo(expectedCpu, within(0.001));
        assertThat(v.throughputAtMeasuredSimulatorCpu().measured()).isCloseTo(run.throughput(), within(0.001));
    }

    @Test
    void dataThatGrewMoreThanInAnySweepStepIsNamed() {
        CapacityPlan plan = plan();
        ClosedSystemModel.Prediction at = plan.atTarget();
        SweepStep run = measured(200, 8, at.throughput() * 0.8, at.holdMean() * 1000, at.poolWaitMean() * 1000,
                plan.hostShare().targetSimulatorCpuPct(), 1000, 1300, 1);

        Verification v = Verification.of(plan, run, sweep().steps());

        assertThat(v.held()).isFalse();
        assertThat(v.dataGrowthPct()).isEqualTo(30.0);
        assertThat(v.causes()).anyMatch(c -> c.startsWith("data growth: the target run changed the tables' rows by +30%"));
    }

    @Test
    void sweepDataThatGrewAcrossItsStepsIsMeasuredFromTheSmallestStartToTheLargestEnd() {
        List<SweepStep> steps = List.of(measured(1, 8, 100, 10, 0, 20, 1000, 1050, 1), measured(2, 8, 190, 10, 0, 20, 1050, 1200, 1));

        assertThat(DataGrowth.acrossPct(steps)).isCloseTo(20.0, within(1e-9));
        assertThat(DataGrowth.withinPct(steps.get(1))).isCloseTo(100.0 * 150 / 1050, within(1e-9));
        assertThat(DataGrowth.acrossPct(List.of(measured(1, 8, 100, 10, 0, 20, 0, 0, 1)))).isNaN();
    }
}
