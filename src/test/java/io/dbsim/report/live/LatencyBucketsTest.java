package io.dbsim.report.live;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class LatencyBucketsTest {

    private static Histogram micros(long... values) {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (long v : values) {
            h.recordValue(v);
        }
        return h;
    }

    private static long countIn(ClassicHistogramBuckets b, double upperBound) {
        for (int i = 0; i < b.size(); i++) {
            if (b.getUpperBound(i) == upperBound) {
                return b.getCount(i);
            }
        }
        throw new AssertionError("no bucket " + upperBound);
    }

    @Test
    void aValueFallsInTheFirstBucketAtOrAboveIt() {
        LatencyBuckets b = new LatencyBuckets();
        b.add(micros(40, 100, 101, 1_000, 1_001, 59_000_000, 70_000_000));

        ClassicHistogramBuckets buckets = b.buckets();
        assertThat(countIn(buckets, 0.0001)).isEqualTo(2);
        assertThat(countIn(buckets, 0.00025)).isEqualTo(1);
        assertThat(countIn(buckets, 0.001)).isEqualTo(1);
        assertThat(countIn(buckets, 0.0025)).isEqualTo(1);
        assertThat(countIn(buckets, 60)).isEqualTo(1);
        assertThat(countIn(buckets, Double.POSITIVE_INFINITY)).isEqualTo(1);
        assertThat(b.count()).isEqualTo(7);
    }

    @Test
    void intervalsAddUpAndTheSumIsExactToThreeSignificantDigits() {
        LatencyBuckets b = new LatencyBuckets();
        b.add(micros(1_234, 5_678));
        b.add(micros(240_000));
        b.add(micros());

        assertThat(b.count()).isEqualTo(3);
        assertThat(countIn(b.buckets(), 0.0025)).isEqualTo(1);
        assertThat(countIn(b.buckets(), 0.01)).isEqualTo(1);
        assertThat(countIn(b.buckets(), 0.25)).isEqualTo(1);
        assertThat(b.sumSeconds()).isCloseTo(0.246912, within(0.246912 * 0.001));
    }

    @Test
    void theReportsPercentileLiesInTheBucketWhereItsRankFalls() {
        Histogram h = new Histogram(3_600_000_000L, 3);
        for (int i = 1; i <= 1000; i++) {
            h.recordValue(i * 97L);
        }
        LatencyBuckets b = new LatencyBuckets();
        b.add(h);

        double p95Seconds = h.getValueAtPercentile(95) / 1e6;
        ClassicHistogramBuckets buckets = b.buckets();
        long below = 0;
        int bucket = 0;
        while (buckets.getUpperBound(bucket) < p95Seconds) {
            below += buckets.getCount(bucket++);
        }
        assertThat(below).isLessThan(950);
        assertThat(below + buckets.getCount(bucket)).isGreaterThanOrEqualTo(950);
    }
}
