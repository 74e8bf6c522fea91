package io.dbsim.observe;

import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Latencies in microseconds recorded by many threads and read once, at the end: an atomic histogram per
 * {@link ThreadStripes stripe}, made when a thread of that stripe first records.
 */
public final class StripedHistogram {

    private final AtomicReferenceArray<AtomicHistogram> stripes = new AtomicReferenceArray<>(ThreadStripes.COUNT);

    public void record(long micros) {
        int i = ThreadStripes.current();
        AtomicHistogram h = stripes.get(i);
        if (h == null) {
            stripes.compareAndSet(i, null, new AtomicHistogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS));
            h = stripes.get(i);
        }
        h.recordValue(Micros.clamp(micros));
    }

    /** All stripes added up, as a new histogram. */
    public Histogram sum() {
        Histogram sum = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        for (int i = 0; i < stripes.length(); i++) {
            AtomicHistogram h = stripes.get(i);
            if (h != null) {
                sum.add(h);
            }
        }
        return sum;
    }
}
