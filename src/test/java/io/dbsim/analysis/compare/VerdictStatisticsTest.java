package io.dbsim.analysis.compare;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The statistics behind compare's verdicts, checked against values worked out by hand. */
class VerdictStatisticsTest {

    @Test
    void benjaminiHochbergKeepsOnlyPValuesUnderTheirRankedThreshold() {
        double[] p = {0.041, 0.001, 0.212, 0.008, 0.039, Double.NaN, 0.06, 0.042, 0.074, 0.205, 0.216};
        boolean[] found = VerdictStatistics.discoveries(p, 0.05);
        // Ten p-values take part: thresholds 0.005, 0.010, 0.015, ...; only 0.001 and 0.008 are under theirs.
        assertThat(found).containsExactly(false, true, false, true, false, false, false, false, false, false, false);
    }

    @Test
    void aSinglePairIsWelchsTOnTheLogRatioWithEachRunsBatchSpread() {
        Figure a = new Figure(10, new double[] {9, 11, 10, 10, 9, 11});
        Figure b = new Figure(5, new double[] {4.5, 5.5, 5, 5, 4.5, 5.5});
        VerdictStatistics.Estimate e = VerdictStatistics.logRatio(List.of(a), List.of(b));
        // Each side: sd 0.894 over mean 10 (or 0.447 over 5), / sqrt(6) = 0.0365; together sqrt(2) * 0.0365.
        assertThat(e.logRatio()).isCloseTo(Math.log(0.5), within(1e-12));
        assertThat(e.se()).isCloseTo(Math.sqrt(2) * Math.sqrt(0.8) / 10 / Math.sqrt(6), within(1e-12));
        assertThat(e.df()).isCloseTo(10, within(1e-9));
        double[] ci = e.ciPct(0.95);
        assertThat(ci[0]).isCloseTo(100 * Math.expm1(Math.log(0.5) - 2.228139 * e.se()), within(1e-3));
        assertThat(ci[1]).isCloseTo(100 * Math.expm1(Math.log(0.5) + 2.228139 * e.se()), within(1e-3));
        assertThat(e.pValue()).isLessThan(1e-6);
    }

    @Test
    void repeatedPairsTakeTheSpreadBetweenPairsWhenItExceedsTheNoiseInsideRuns() {
        double[] quiet = {100, 100.1, 99.9, 100, 100.1, 99.9};
        List<Figure> a = List.of(new Figure(100, quiet), new Figure(100, quiet), new Figure(100, quiet));
        List<Figure> b = List.of(new Figure(90, quiet), new Figure(110, quiet), new Figure(100, quiet));
        VerdictStatistics.Estimate e = VerdictStatistics.logRatio(a, b);
        double[] d = {Math.log(0.9), Math.log(1.1), 0};
        double mean = (d[0] + d[1] + d[2]) / 3;
        double sd = Math.sqrt(((d[0] - mean) * (d[0] - mean) + (d[1] - mean) * (d[1] - mean) + mean * mean) / 2);
        assertThat(e.logRatio()).isCloseTo(mean, within(1e-12));
        assertThat(e.se()).isCloseTo(sd / Math.sqrt(3), within(1e-12));
        assertThat(e.df()).isEqualTo(2);
        assertThat(e.pValue()).isGreaterThan(0.9);
    }

    @Test
    void aFigureWithFewerThanTwoBatchesHasNoNoiseEstimate() {
        VerdictStatistics.Estimate e = VerdictStatistics.logRatio(List.of(new Figure(1, new double[] {1})), List.of(new Figure(2, new double[] {2, 2.1})));
        assertThat(e.pValue()).isNaN();
        assertThat(e.ciPct(0.95)[0]).isNaN();
    }

    @Test
    void errorsRisingFromZeroAreSignificantOnlyWhenThereAreEnoughOfThem() {
        assertThat(VerdictStatistics.proportions(0, 10_000, 50, 10_000)).isLessThan(1e-6);
        assertThat(VerdictStatistics.proportions(0, 1_000, 1, 1_000)).isGreaterThan(0.3);
        assertThat(VerdictStatistics.proportions(0, 1_000, 0, 1_000)).isEqualTo(1);
    }
}
