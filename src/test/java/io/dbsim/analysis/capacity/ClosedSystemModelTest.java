package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ClosedSystemModelTest {

    @Test
    void twoUsersAndOneConnectionMatchTheHandComputedMachineRepairmanModel() {
        // One connection serving 10/s; two users thinking 0.1 s. States 0, 1, 2 at the pool weigh
        // 0.1²/2!, 0.1/1! × 1/10, 1/10² = 0.005, 0.01, 0.01: probabilities 0.2, 0.4, 0.4.
        // X = 10 × (1 − 0.2) = 8/s; R = N/X − Z = 0.25 − 0.1 = 0.15 s; hold 0.1 s, wait 0.05 s.
        ClosedSystemModel.Prediction p = new ClosedSystemModel(new UslModel(10, 0, 0)).predict(2, 0.1, 1);

        assertThat(p.throughput()).isCloseTo(8.0, within(1e-9));
        assertThat(p.responseMean()).isCloseTo(0.15, within(1e-9));
        assertThat(p.holdMean()).isCloseTo(0.1, within(1e-9));
        assertThat(p.poolWaitMean()).isCloseTo(0.05, within(1e-9));
        assertThat(p.poolFullPct()).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void responseTimeLawHoldsForEveryPrediction() {
        ClosedSystemModel model = new ClosedSystemModel(new UslModel(200, 0.03, 0.0002));
        for (int users : new int[] {1, 10, 100, 1000, 4000}) {
            ClosedSystemModel.Prediction p = model.predict(users, 2.0, 20);
            assertThat(users / p.throughput() - 2.0).as("users %d", users).isCloseTo(p.responseMean(), within(1e-9));
        }
    }

    @Test
    void withoutThinkTimeEveryUserIsAtThePoolAndThroughputIsTheUslAtThePoolSize() {
        UslModel usl = new UslModel(100, 0.1, 0.001);
        ClosedSystemModel.Prediction p = new ClosedSystemModel(usl).predict(50, 0, 8);

        assertThat(p.throughput()).isCloseTo(usl.throughput(8), within(1e-9));
        assertThat(p.responseMean()).isCloseTo(50 / usl.throughput(8), within(1e-9));
        assertThat(p.busyMean()).isCloseTo(8, within(1e-9));
    }

    @Test
    void lightLoadIsUsersOverThinkPlusHoldAndHeavyLoadIsCappedByThePool() {
        ClosedSystemModel model = new ClosedSystemModel(new UslModel(100, 0, 0));

        ClosedSystemModel.Prediction light = model.predict(4000, 10, 40);
        assertThat(light.throughput()).isCloseTo(4000 / 10.01, within(0.5));
        assertThat(light.poolWaitMean()).isLessThan(1e-6);

        ClosedSystemModel.Prediction heavy = model.predict(1000, 1, 4);
        assertThat(heavy.throughput()).isCloseTo(400, within(1e-6));
        assertThat(heavy.responseMean()).isCloseTo(1000 / 400.0 - 1, within(1e-6));
        assertThat(heavy.poolFullPct()).isCloseTo(100, within(1e-6));
    }

    /** Connections held twice as long as back to back wherever the load is (one point at a tiny share, flat past it). */
    private static final PacedHold TWICE = new PacedHold(java.util.List.of(new PacedHold.Point(1000, 1000, 1e-6, 20, 0.2, 10, 3)), 1);

    @Test
    void pausingUsersWhoDoNotQueueHoldEachConnectionAsLongAsThePacedStepsDid() {
        ClosedSystemModel model = new ClosedSystemModel(new UslModel(100, 0, 0), 1, TWICE);

        ClosedSystemModel.Prediction light = model.predict(4000, 10, 40);
        assertThat(light.holdFactor()).isCloseTo(2, within(0.01));
        assertThat(light.holdMean()).isCloseTo(0.020, within(0.0002));
        assertThat(light.throughput()).isCloseTo(4000 / 10.02, within(0.5));
        assertThat(4000 / light.throughput() - 10).isCloseTo(light.responseMean(), within(1e-9));
    }

    @Test
    void usersQueueingForConnectionsHoldThemAsTheBusiestPacedStepDid() {
        // Held twice as long where connections idle most (a tiny share), 1.25 times at the highest share measured.
        PacedHold hold = new PacedHold(java.util.List.of(new PacedHold.Point(1000, 1000, 1e-6, 20, 0.2, 10, 3),
                new PacedHold.Point(1000, 100, 0.9, 12.5, 4, 10, 3)), 1000);
        ClosedSystemModel model = new ClosedSystemModel(new UslModel(100, 0, 0), 1, hold);

        ClosedSystemModel.Prediction heavy = model.predict(1000, 1, 4);
        assertThat(heavy.throughput()).isCloseTo(400 / 1.25, within(0.5));
        assertThat(heavy.holdMean()).isCloseTo(0.0125, within(0.0001));
    }

    @Test
    void withoutAQueueTheResponsesP95IsAnExponentialHoldsAndWithAQueueOfThousandsItIsCloseToTheMean() {
        ClosedSystemModel model = new ClosedSystemModel(new UslModel(100, 0, 0));

        ClosedSystemModel.Prediction light = model.predict(4000, 10, 40);
        // Held 10 ms, exponentially: the 95th percentile is the mean times ln 20.
        assertThat(model.responseQuantile(light, 0.95)).isCloseTo(light.holdMean() * Math.log(20), within(1e-4));

        ClosedSystemModel.Prediction heavy = model.predict(1000, 1, 4);
        // 1000 users on 4 connections serving 400/s: about 600 queued, each waiting for ~600 departures.
        double p95 = model.responseQuantile(heavy, 0.95);
        assertThat(p95 / heavy.responseMean()).isBetween(1.02, 1.15);
        assertThat(model.responseQuantile(heavy, 0.5)).isCloseTo(heavy.responseMean(), within(0.03 * heavy.responseMean()));
    }
}
