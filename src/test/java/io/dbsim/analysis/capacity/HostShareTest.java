package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class HostShareTest {

    /** A step at think time 0 where the simulator took {@code simCpu} and the host {@code hostCpu} percent. */
    private static SweepStep step(int users, double x, double simCpu, double hostCpu) {
        double meanMs = 1000.0 * users / x;
        return new SweepStep(users, 32, 15, (long) (15 * x), 0, x, meanMs, meanMs, 2 * meanMs, 3 * meanMs, 0, 0, meanMs, users,
                users, 0, simCpu, false, 1, x, x, hostCpu, 1000, 1000, 0);
    }

    private static final List<SweepStep> SWEEP = List.of(step(1, 800, 21, 55), step(4, 1600, 20, 94), step(8, 1650, 18, 97));

    @Test
    void onASaturatedHostTheDatabaseGetsWhatTheSimulatorLeaves() {
        // 8 busy connections: the 8-user step, simulator 18%, host 97% (saturated). At 1,500 ops/s the closest step in
        // throughput is the 4-user one (20%), plus 1,500 wake-ups of 64 µs on 2 cores: 100 × 1500 × 64e-6 / 2 = 4.8 points.
        HostShare share = HostShare.expected(SWEEP, 8, 1500, true, 2);

        assertThat(share.sweepStepUsers()).isEqualTo(8);
        assertThat(share.targetSimulatorCpuPct()).isCloseTo(24.8, within(1e-9));
        // (100 − 24.8) / (100 − 18) = 75.2 / 82
        assertThat(share.factor()).isCloseTo(75.2 / 82, within(1e-12));
    }

    @Test
    void withoutThinkTimeThereAreNoWakeUpsToPayFor() {
        HostShare share = HostShare.expected(SWEEP, 8, 1500, false, 2);

        assertThat(share.targetSimulatorCpuPct()).isEqualTo(20.0);
        assertThat(share.factor()).isCloseTo(80.0 / 82, within(1e-12));
    }

    @Test
    void aHostWithRoomToSpareGivesTheDatabaseItsWholeRate() {
        // 1 busy connection: the 1-user step, host at 55%: the simulator's CPU took nothing the database needed.
        HostShare share = HostShare.expected(SWEEP, 1, 800, true, 2);

        assertThat(share.sweepHostCpuPct()).isEqualTo(55.0);
        assertThat(share.factor()).isEqualTo(1.0);
    }

    @Test
    void theMeasuredShareReplacesTheExpectedOne() {
        HostShare measured = HostShare.expected(SWEEP, 8, 1500, true, 2).withTarget(26);

        assertThat(measured.factor()).isCloseTo(74.0 / 82, within(1e-12));
    }

    @Test
    void theClosedSystemModelServesAtTheScaledRate() {
        // One user, one connection at 10/s scaled by 0.5 (5/s): X = 1 / (Z + 1/5) = 1 / 0.3 with Z = 0.1 s.
        ClosedSystemModel.Prediction p = new ClosedSystemModel(new UslModel(10, 0, 0), 0.5, PacedHold.NONE).predict(1, 0.1, 1);

        assertThat(p.throughput()).isCloseTo(1 / 0.3, within(1e-9));
        assertThat(p.holdMean()).isCloseTo(0.2, within(1e-9));
    }
}
