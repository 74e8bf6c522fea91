package io.dbsim.analysis.capacity;

import org.hipparchus.distribution.continuous.TDistribution;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class UslIntervalsTest {

    private static final double[] STEPS = {1, 2, 4, 8, 16, 32};
    private static final int REPLICATIONS = 400;
    /** 400 replications of a true 95% rate land in [0.928, 0.970] 95% of the time; the bounds leave room for the method. */
    private static final double LOWEST = 0.90;
    private static final double HIGHEST = 0.99;

    private static List<UslFit.Point> sweep(UslModel truth, double noise, Random random) {
        List<UslFit.Point> points = new ArrayList<>();
        for (double n : STEPS) {
            points.add(new UslFit.Point(n, truth.throughput(n) * (1 + noise * random.nextGaussian())));
        }
        return points;
    }

    /**
     * Per quantity, the share of replications whose interval holds the true value, among those that have an
     * interval: a fit that finds no peak (κ on its bound, about one sweep in 25 when the peak lies past the
     * steps) has no peak concurrency to bound, and the plan warns that κ is not estimated instead.
     */
    private static Map<String, Double> coverage(UslModel truth, Weighting weighting, long seed) {
        Random random = new Random(seed);
        ClosedSystemModel closedTruth = new ClosedSystemModel(truth);
        ClosedSystemModel.Prediction closed = closedTruth.predict(200, 0.05, 20);
        Map<String, Integer> hits = new LinkedHashMap<>();
        Map<String, Integer> known = new LinkedHashMap<>();
        for (String q : List.of("throughput at 24", "throughput at 64", "next step at 32", "peak concurrency",
                "closed-system throughput", "closed-system response time")) {
            hits.put(q, 0);
            known.put(q, 0);
        }
        for (int r = 0; r < REPLICATIONS; r++) {
            UslIntervals in = UslIntervals.of(UslFit.fit(sweep(truth, 0.03, random), weighting));
            double nextStep = truth.throughput(32) * (1 + 0.03 * random.nextGaussian());
            count(hits, known, "throughput at 24", in.throughput(24), truth.throughput(24));
            count(hits, known, "throughput at 64", in.throughput(64), truth.throughput(64));
            count(hits, known, "next step at 32", in.observedThroughput(32), nextStep);
            count(hits, known, "peak concurrency", in.confidence(UslModel::peakConcurrency), truth.peakConcurrency());
            count(hits, known, "closed-system throughput", in.confidence(m -> new ClosedSystemModel(m).predict(200, 0.05, 20)
                    .throughput()), closed.throughput());
            count(hits, known, "closed-system response time", in.confidence(m -> new ClosedSystemModel(m).predict(200, 0.05, 20)
                    .responseMean()), closed.responseMean());
        }
        Map<String, Double> rates = new LinkedHashMap<>();
        hits.forEach((q, h) -> {
            assertThat(known.get(q)).as("%s, %s: sweeps with an interval", truth, q).isGreaterThan(REPLICATIONS * 9 / 10);
            rates.put(q, h / (double) known.get(q));
        });
        return rates;
    }

    private static void count(Map<String, Integer> hits, Map<String, Integer> known, String quantity, Interval interval,
                              double truth) {
        if (interval.known()) {
            known.merge(quantity, 1, Integer::sum);
            hits.merge(quantity, interval.contains(truth) ? 1 : 0, Integer::sum);
        }
    }

    @Test
    void ninetyFivePercentIntervalsOfALeastSquaresFitCoverTheTruthAtCloseToTheirRate() {
        for (UslModel truth : List.of(new UslModel(500, 0.1, 0.002), new UslModel(1000, 0.05, 0.0005))) {
            coverage(truth, Weighting.ABSOLUTE, 12).forEach((quantity, rate) ->
                    assertThat(rate).as("%s, %s", truth, quantity).isBetween(LOWEST, HIGHEST));
        }
    }

    @Test
    void ninetyFivePercentIntervalsOfARelativeFitCoverTheTruthAtCloseToTheirRate() {
        for (UslModel truth : List.of(new UslModel(500, 0.1, 0.002), new UslModel(1000, 0.05, 0.0005))) {
            coverage(truth, Weighting.RELATIVE, 11).forEach((quantity, rate) ->
                    assertThat(rate).as("%s, %s", truth, quantity).isBetween(LOWEST, HIGHEST));
        }
    }

    @Test
    void rUslsStandardErrorsUnderCoverKappaOfALeastSquaresFitWhereTheProportionalNoiseCovarianceDoesNot() {
        // R's errors assume noise of one size at every step; a step's noise here is 3% of its throughput, so
        // the large steps' scatter is spread over all of them and κ's error is understated.
        UslModel truth = new UslModel(1000, 0.05, 0.0005);
        Random random = new Random(13);
        double t = new TDistribution(STEPS.length - 3).inverseCumulativeProbability(0.975);
        int r = 0;
        int ours = 0;
        for (int i = 0; i < REPLICATIONS; i++) {
            UslFit fit = UslFit.fit(sweep(truth, 0.03, random));
            if (Math.abs(fit.model().kappa() - truth.kappa()) <= t * fit.standardErrors()[2]) {
                r++;
            }
            if (UslIntervals.of(fit).confidence(UslModel::kappa).contains(truth.kappa())) {
                ours++;
            }
        }

        assertThat(r / (double) REPLICATIONS).isLessThan(0.85);
        assertThat(ours / (double) REPLICATIONS).isBetween(LOWEST, HIGHEST);
    }

    @Test
    void intervalsFollowTheFitsOwnNoiseAndWidenWithDistanceFromTheSteps() {
        UslModel truth = new UslModel(500, 0.1, 0.002);
        UslIntervals in = UslIntervals.of(UslFit.fit(sweep(truth, 0.03, new Random(5))));

        Interval inRange = in.throughput(16);
        Interval beyond = in.throughput(128);
        assertThat(in.noiseFromRounds()).isFalse();
        assertThat(in.relativeNoise()).isBetween(0.005, 0.1);
        assertThat(inRange.low()).isLessThan(inRange.estimate());
        assertThat(inRange.high()).isGreaterThan(inRange.estimate());
        assertThat(beyond.spread()).isGreaterThan(inRange.spread());
        assertThat(in.observedThroughput(16).spread()).isGreaterThan(inRange.spread());
    }

    @Test
    void roundsThatSpreadMoreThanTheResidualsSetTheNoise() {
        // Medians on the curve to within 0.1%, rounds spread over ±10%: the rounds say how noisy a step is.
        UslModel truth = new UslModel(500, 0.1, 0.002);
        List<SweepStep> steps = new ArrayList<>();
        List<UslFit.Point> points = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            double x = truth.throughput(STEPS[i]) * (1 + (i % 2 == 0 ? 0.001 : -0.001));
            steps.add(new SweepStep((int) STEPS[i], 64, 30, 1000, 0, x, 1, 1, 2, 3, 0, 0, 1, STEPS[i], STEPS[i], 0, 10, false,
                    3, 0.9 * x, 1.1 * x, 20, 0, 0, 0));
            points.add(new UslFit.Point(STEPS[i], x));
        }
        UslFit fit = UslFit.fit(points);
        double rounds = RoundsNoise.relativeSd(steps);

        UslIntervals alone = UslIntervals.of(fit);
        UslIntervals withRounds = UslIntervals.of(fit, rounds);

        assertThat(rounds).isCloseTo(0.2 / RoundsNoise.expectedRange(3), within(1e-12));
        assertThat(withRounds.noiseFromRounds()).isTrue();
        assertThat(withRounds.relativeNoise()).isEqualTo(rounds);
        assertThat(alone.relativeNoise()).isLessThan(0.002);
        assertThat(withRounds.throughput(24).spread()).isGreaterThan(10 * (alone.throughput(24).spread() - 1) + 1);
    }

    @Test
    void theExpectedRangeOfNormalDrawsIsTheControlChartConstant() {
        // d₂ of the control-chart tables (ASTM STP 15D; NIST/SEMATECH e-Handbook 6.3.2): 1.128, 1.693, 2.326, 3.078.
        assertThat(RoundsNoise.expectedRange(2)).isCloseTo(1.128, within(5e-4));
        assertThat(RoundsNoise.expectedRange(3)).isCloseTo(1.693, within(5e-4));
        assertThat(RoundsNoise.expectedRange(5)).isCloseTo(2.326, within(5e-4));
        assertThat(RoundsNoise.expectedRange(10)).isCloseTo(3.078, within(5e-4));
    }

    @Test
    void stepsThatRanOnceGiveNoRoundsNoise() {
        SweepStep once = new SweepStep(1, 64, 30, 1000, 0, 100, 1, 1, 2, 3, 0, 0, 1, 1, 1, 0, 10, false, 1, 100, 100, 20, 0, 0, 0);

        assertThat(RoundsNoise.relativeSd(List.of(once, once))).isNaN();
    }

    @Test
    void threeStepsLeaveNoFreedomSoEveryIntervalIsUnknown() {
        UslFit fit = UslFit.fit(List.of(new UslFit.Point(1, 100), new UslFit.Point(4, 350), new UslFit.Point(16, 900)));
        UslIntervals in = UslIntervals.of(fit, 0.05);

        assertThat(in.known()).isFalse();
        assertThat(in.throughput(8).known()).isFalse();
        assertThat(in.throughput(8).estimate()).isEqualTo(fit.model().throughput(8));
    }
}
