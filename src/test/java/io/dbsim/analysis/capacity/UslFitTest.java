package io.dbsim.analysis.capacity;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class UslFitTest {

    private static final UslModel TRUE = new UslModel(1000, 0.05, 0.0005);
    private static final double[] CONCURRENCY = {1, 2, 4, 8, 16, 24, 32, 48, 64};

    private static List<UslFit.Point> measured(UslModel model, double noise, long seed) {
        Random random = new Random(seed);
        List<UslFit.Point> points = new ArrayList<>();
        for (double n : CONCURRENCY) {
            points.add(new UslFit.Point(n, model.throughput(n) * (1 + noise * random.nextGaussian())));
        }
        return points;
    }

    @Test
    void exactDataGivesBackTheModelsParameters() {
        UslFit fit = UslFit.fit(measured(TRUE, 0, 1));

        assertThat(fit.model().lambda()).isCloseTo(1000, within(1e-3));
        assertThat(fit.model().sigma()).isCloseTo(0.05, within(1e-6));
        assertThat(fit.model().kappa()).isCloseTo(0.0005, within(1e-8));
        assertThat(fit.rSquared()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void twoPercentNoiseRecoversLambdaWithinFivePercentSigmaWithinTwoPointsAndKappaWithinThirtyPercent() {
        for (long seed = 1; seed <= 20; seed++) {
            UslFit fit = UslFit.fit(measured(TRUE, 0.02, seed));

            assertThat(fit.model().lambda()).as("seed %d", seed).isCloseTo(1000, within(50.0));
            assertThat(fit.model().sigma()).as("seed %d", seed).isCloseTo(0.05, within(0.02));
            assertThat(fit.model().kappa()).as("seed %d", seed).isCloseTo(0.0005, within(0.00015));
            assertThat(fit.rSquared()).isGreaterThan(0.95);
            assertThat(fit.coherencyEstimated()).isTrue();
            assertThat(fit.model().peakConcurrency()).isCloseTo(Math.sqrt(0.95 / 0.0005), within(12.0));
        }
    }

    @Test
    void linearDataShowsNoCoherencyCost() {
        UslFit fit = UslFit.fit(measured(new UslModel(500, 0, 0), 0.01, 7));

        assertThat(fit.model().kappa()).isLessThan(1e-4);
        assertThat(fit.coherencyEstimated()).isFalse();
    }

    @Test
    void fewerThanThreeStepsCannotBeFitted() {
        assertThatThrownBy(() -> UslFit.fit(List.of(new UslFit.Point(1, 10), new UslFit.Point(2, 19))))
                .hasMessageContaining("at least 3 steps");
    }
}
