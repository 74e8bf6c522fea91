package io.dbsim.workload.script;

import org.hipparchus.distribution.continuous.ChiSquaredDistribution;
import org.hipparchus.distribution.continuous.NormalDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The random functions draw the shapes pgbench's documentation defines, from any uniform source
 * (here SplittableRandom, as the engine may pass). Seeds are fixed, so each test is deterministic;
 * tolerances come from the sample size: a chi-square critical value at p = 0.001, or 4.5 standard
 * errors of a binomial share.
 */
class DistributionsTest {

    private static final int DRAWS = 200_000;

    @Test
    void randomStaysWithinItsBoundsAndIsUniform() {
        SplittableRandom random = new SplittableRandom(7);
        long[] counts = new long[10];
        for (int i = 0; i < DRAWS; i++) {
            long value = Distributions.uniform(random, 1, 10);
            assertThat(value).isBetween(1L, 10L);
            counts[(int) value - 1]++;
        }
        double[] expected = new double[10];
        Arrays.fill(expected, 0.1);
        assertThat(chiSquare(counts, expected)).isLessThan(critical(9));
    }

    @Test
    void randomReachesBothEndsOfAWideRange() {
        SplittableRandom random = new SplittableRandom(3);
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 1_000; i++) {
            seen.add(Distributions.uniform(random, -9223372036854775807L, -9223372036854775806L));
        }
        assertThat(seen).containsExactlyInAnyOrder(-9223372036854775807L, -9223372036854775806L);
    }

    /** pgbench: f(x) = exp(-p (x - min) / (max - min + 1)) / (1 - exp(-p)), value i drawn with f(i) - f(i + 1). */
    @ParameterizedTest(name = "parameter {0}, first {1} of 1000 values")
    @CsvSource({"5.0, 10", "5.0, 100", "5.0, 500", "0.5, 100", "20.0, 10"})
    void exponentialPutsTheDocumentedShareInTheFirstValues(double parameter, int first) {
        SplittableRandom random = new SplittableRandom(11);
        int hits = 0;
        for (int i = 0; i < DRAWS; i++) {
            long value = Distributions.exponential(random, 1, 1000, parameter);
            assertThat(value).isBetween(1L, 1000L);
            if (value <= first) {
                hits++;
            }
        }
        double expected = (1 - Math.exp(-parameter * first / 1000.0)) / (1 - Math.exp(-parameter));
        assertThat((double) hits / DRAWS).isCloseTo(expected, within(tolerance(expected)));
    }

    /**
     * pgbench: the interval maps onto a standard normal truncated at +-parameter; the middle 1/parameter
     * of [1, 1000] is z in [-1, 1), the middle 2/parameter is z in [-2, 2).
     */
    @ParameterizedTest(name = "parameter {0}, values {1} to {2}, z up to {3}")
    @CsvSource({"4.0, 376, 625, 1", "4.0, 251, 750, 2", "2.0, 251, 750, 1", "2.5, 1, 1000, 2.5"})
    void gaussianPutsTheDocumentedShareInTheMiddle(double parameter, int low, int high, double z) {
        SplittableRandom random = new SplittableRandom(13);
        int hits = 0;
        for (int i = 0; i < DRAWS; i++) {
            long value = Distributions.gaussian(random, 1, 1000, parameter);
            assertThat(value).isBetween(1L, 1000L);
            if (value >= low && value <= high) {
                hits++;
            }
        }
        NormalDistribution normal = new NormalDistribution();
        double expected = (normal.cumulativeProbability(z) - normal.cumulativeProbability(-z))
                / (normal.cumulativeProbability(parameter) - normal.cumulativeProbability(-parameter));
        assertThat((double) hits / DRAWS).isCloseTo(expected, within(tolerance(expected)));
    }

    /** pgbench: drawing k is ((k + 1) / k)^s times as likely as drawing k + 1, i.e. frequencies follow 1/k^s. */
    @ParameterizedTest(name = "s = {0}")
    @CsvSource({"1.001", "1.5", "2.5"})
    void zipfianFrequenciesFollowOneOverKToTheS(double s) {
        SplittableRandom random = new SplittableRandom(17);
        int n = 10;
        long[] counts = new long[n];
        for (int i = 0; i < DRAWS; i++) {
            long value = Distributions.zipfian(random, 1, n, s);
            assertThat(value).isBetween(1L, (long) n);
            counts[(int) value - 1]++;
        }
        double[] expected = new double[n];
        double total = 0;
        for (int k = 1; k <= n; k++) {
            expected[k - 1] = 1 / Math.pow(k, s);
            total += expected[k - 1];
        }
        for (int k = 0; k < n; k++) {
            expected[k] /= total;
        }
        assertThat(chiSquare(counts, expected)).isLessThan(critical(n - 1));
    }

    @ParameterizedTest(name = "size {0}")
    @CsvSource({"1", "2", "3", "10", "1000", "1023", "1024", "1025", "65537"})
    void permuteIsABijectionOfZeroToSizeForEverySeed(long size) {
        for (long seed : new long[] {0, 1, -1, 42, Long.MIN_VALUE}) {
            Set<Long> images = new HashSet<>();
            for (long i = 0; i < size; i++) {
                long image = Permutation.permute(i, size, seed);
                assertThat(image).isBetween(0L, size - 1);
                images.add(image);
                assertThat(Permutation.permute(i + size, size, seed)).isEqualTo(image);
            }
            assertThat(images).hasSize((int) size);
        }
    }

    @Test
    void permuteActuallyMovesValuesAndDependsOnTheSeed() {
        int moved = 0;
        int differs = 0;
        for (long i = 0; i < 1000; i++) {
            long image = Permutation.permute(i, 1000, 5);
            moved += image != i ? 1 : 0;
            differs += image != Permutation.permute(i, 1000, 6) ? 1 : 0;
        }
        assertThat(moved).isGreaterThan(950);
        assertThat(differs).isGreaterThan(950);
    }

    private static double chiSquare(long[] counts, double[] probabilities) {
        long total = 0;
        for (long count : counts) {
            total += count;
        }
        double statistic = 0;
        for (int i = 0; i < counts.length; i++) {
            double expected = total * probabilities[i];
            statistic += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        return statistic;
    }

    private static double critical(int degreesOfFreedom) {
        return new ChiSquaredDistribution(degreesOfFreedom).inverseCumulativeProbability(0.999);
    }

    private static double tolerance(double share) {
        return 4.5 * Math.sqrt(share * (1 - share) / DRAWS);
    }
}
