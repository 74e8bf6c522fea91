package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PacedHoldTest {

    /** λ 1000 ops/s alone, so one connection back to back holds for 1 ms; the closed steps' peak is taken as 2000 ops/s. */
    private static final UslModel USL = new UslModel(1000, 0.1, 0.001);
    private static final List<SweepStep> CLOSED = List.of(closed(1, 1000), closed(4, 2000), closed(8, 1900));

    private static SweepStep closed(int n, double x) {
        double ms = 1000.0 * n / x;
        return new SweepStep(n, 32, 15, (long) (15 * x), 0, x, ms, ms, 2 * ms, 3 * ms, 0, 0, ms, n, n, 0, 20, false, 1, x, x, 40,
                0, 0, 0);
    }

    @Test
    void theRatioIsThePacedHoldOverTheUslsBackToBackHoldAtTheSameConcurrency() {
        // 1000 users at 500 ops/s holding each connection 1.5 ms, their p95 three times their mean.
        PacedHold hold = PacedHold.of(List.of(PacedSteps.of(0.25, 500, 1.5)), CLOSED, USL);

        PacedHold.Point p = hold.points().getFirst();
        // 500 ops/s × 1.5 ms is 0.75 busy connections: under one, so back to back is one connection alone, 1 ms.
        assertThat(p.backToBackHoldMs()).isCloseTo(1.0, within(1e-9));
        assertThat(p.ratio()).isCloseTo(1.5, within(1e-9));
        assertThat(p.share()).isCloseTo(0.25, within(1e-9));
        assertThat(p.p95OverMean()).isCloseTo(3, within(1e-9));
        assertThat(hold.referencePeak()).isEqualTo(2000);
    }

    @Test
    void betweenSharesTheRatioIsInterpolatedFromOneAtNoLoadAndPastTheLastItStaysFlat() {
        PacedHold hold = PacedHold.of(List.of(PacedSteps.of(0.5, 1000, 3.0), PacedSteps.of(0.25, 500, 1.5)), CLOSED, USL);
        double atHalf = hold.points().get(1).ratio();

        assertThat(hold.factorAt(0)).isEqualTo(1);
        assertThat(hold.factorAt(250)).isCloseTo(1.25, within(1e-9));
        assertThat(hold.factorAt(750)).isCloseTo((1.5 + atHalf) / 2, within(1e-9));
        assertThat(hold.factorAt(1000)).isCloseTo(atHalf, within(1e-9));
        assertThat(hold.factorAt(1900)).isCloseTo(atHalf, within(1e-9));
    }

    @Test
    void aPacedStepFasterThanBackToBackIsNotTakenToSpeedTheDatabaseUp() {
        PacedHold hold = PacedHold.of(List.of(PacedSteps.of(0.25, 500, 0.8)), CLOSED, USL);

        assertThat(hold.factorAt(500)).isEqualTo(1);
    }

    @Test
    void withoutPacedStepsOrWithOnlyInterruptedOnesThereIsNoHoldInflation() {
        SweepStep cut = PacedSteps.of(0.25, 500, 2).measured();
        SweepStep interrupted = new SweepStep(cut.users(), cut.poolSize(), cut.seconds(), cut.operations(), 0, cut.throughput(),
                cut.meanMs(), cut.p50Ms(), cut.p95Ms(), cut.p99Ms(), 0, 0, cut.holdMeanMs(), cut.busyLittle(), cut.busySampled(), 0,
                30, true, 1, cut.throughput(), cut.throughput(), 45, 0, 0, 0);

        assertThat(PacedHold.of(List.of(), CLOSED, USL)).isSameAs(PacedHold.NONE);
        assertThat(PacedHold.of(List.of(new PacedStep(2000, 0.25, interrupted)), CLOSED, USL).none()).isTrue();
        assertThat(PacedHold.NONE.factorAt(1000)).isEqualTo(1);
    }
}
