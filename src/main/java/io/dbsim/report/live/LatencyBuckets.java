package io.dbsim.report.live;

import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.util.Arrays;

/**
 * A Prometheus histogram (classic buckets, seconds) added up from the engine's interval histograms
 * (HdrHistogram, microseconds), so no operation is recorded twice. A value falls in the first bucket whose
 * bound is at or above the value HdrHistogram reports for it, as the report's percentiles take it, so the
 * report's p95 lies in the bucket where Prometheus' histogram_quantile(0.95, ...) interpolates. The sum is
 * exact to HdrHistogram's resolution (three significant digits), as the report's mean is.
 */
final class LatencyBuckets {

    /** 100 µs to 1 minute in steps of 1, 2.5 and 5: database operations run from a tenth of a millisecond up. */
    static final double[] BOUNDS_SECONDS = {0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25,
            0.5, 1, 2.5, 5, 10, 30, 60, Double.POSITIVE_INFINITY};
    private static final long[] BOUNDS_MICROS = Arrays.stream(BOUNDS_SECONDS)
            .mapToLong(s -> Double.isInfinite(s) ? Long.MAX_VALUE : Math.round(s * 1e6)).toArray();

    private final long[] counts = new long[BOUNDS_SECONDS.length];
    private long total;
    private double sumMicros;

    void add(Histogram intervalMicros) {
        for (HistogramIterationValue v : intervalMicros.recordedValues()) {
            long reported = v.getValueIteratedTo();
            long n = v.getCountAddedInThisIterationStep();
            counts[bucketOf(reported)] += n;
            total += n;
            sumMicros += (double) intervalMicros.medianEquivalentValue(reported) * n;
        }
    }

    private static int bucketOf(long micros) {
        int i = Arrays.binarySearch(BOUNDS_MICROS, micros);
        return i >= 0 ? i : -i - 1;
    }

    long count() {
        return total;
    }

    double sumSeconds() {
        return sumMicros / 1e6;
    }

    ClassicHistogramBuckets buckets() {
        return ClassicHistogramBuckets.of(BOUNDS_SECONDS, counts);
    }
}
