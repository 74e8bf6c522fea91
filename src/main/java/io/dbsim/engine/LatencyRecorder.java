package io.dbsim.engine;

import io.dbsim.observe.Micros;
import io.dbsim.observe.ThreadStripes;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.WriterReaderPhaser;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * An operation's latencies per sample interval: a success's three (pool wait, database time, total) or a failure's
 * total. Successes go to the writing thread's stripe ({@link ThreadStripes}), made on first use, so that users on
 * different cores rarely update the same cache line; failures, rare, share one. The sampling thread adds the stripes'
 * intervals up. A stripe is six histograms of about 190 KB each, so a recorder has at most four, and no more than an
 * eighth of the heap holds for all of a run's operations: a run of 17 operations on the 256 MB heap a 1 GiB container
 * gives by default has one, as before stripes.
 */
final class LatencyRecorder {

    private static final int MOST = 4;
    private static final long STRIPE_BYTES = 6 * new AtomicHistogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS)
            .getEstimatedFootprintInBytes();
    private static final int POOL_WAIT = 0;
    private static final int DATABASE = 1;
    private static final int TOTAL = 2;

    /** One interval's histograms, in microseconds; read them before the next {@link #interval()} empties them. */
    record Interval(Histogram total, Histogram poolWait, Histogram database, Histogram failed) {
    }

    private final int stripes;
    private final AtomicReferenceArray<Phased> successes;
    private final Phased failures = new Phased(1);
    /** The stripes' successes added up, indexed as a stripe's histograms are. */
    private final Histogram[] sum = {histogram(), histogram(), histogram()};

    /** @param stripes a power of two; see {@link #stripesFor} */
    LatencyRecorder(int stripes) {
        if (Integer.bitCount(stripes) != 1) {
            throw new IllegalArgumentException("stripes must be a power of two: " + stripes);
        }
        this.stripes = stripes;
        this.successes = new AtomicReferenceArray<>(stripes);
    }

    /** Stripes per recorder for a run of {@code recorders} operations and flows on a heap of {@code heapBytes}. */
    static int stripesFor(int recorders, long heapBytes) {
        long affordable = heapBytes / 8 / (Math.max(1, recorders) * STRIPE_BYTES);
        int most = (int) Math.max(1, Math.min(Math.min(MOST, ThreadStripes.COUNT), affordable));
        return Integer.highestOneBit(most);
    }

    private static Histogram histogram() {
        return new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    }

    void success(long waitMicros, long databaseMicros, long totalMicros) {
        int i = ThreadStripes.current() & (stripes - 1);
        Phased s = successes.get(i);
        if (s == null) {
            successes.compareAndSet(i, null, new Phased(3));
            s = successes.get(i);
        }
        s.success(waitMicros, databaseMicros, totalMicros);
    }

    void failure(long totalMicros) {
        failures.one(totalMicros);
    }

    /** What was recorded since the previous call, all stripes together; one sampling thread calls it. */
    Interval interval() {
        resetRecorded(sum);
        for (int i = 0; i < stripes; i++) {
            Phased s = successes.get(i);
            if (s != null) {
                Histogram[] ended = s.interval();
                for (int k = 0; k < sum.length; k++) {
                    OperationMetrics.addRecorded(sum[k], ended[k]);
                }
            }
        }
        return new Interval(sum[TOTAL], sum[POOL_WAIT], sum[DATABASE], failures.interval()[0]);
    }

    /** Clearing a histogram walks all its counts, thousands of them; most operations record none in an interval. */
    private static void resetRecorded(Histogram[] histograms) {
        for (Histogram h : histograms) {
            if (h.getTotalCount() > 0) {
                h.reset();
            }
        }
    }

    /**
     * Histograms that writers update together, swapped for empty ones per interval, as an HdrHistogram Recorder does:
     * three Recorders cost fifteen atomic updates per success, as each wraps a concurrent histogram in a phaser of its
     * own; here one phaser guards plain atomic histograms, eight updates. Writers never wait.
     */
    private static final class Phased {
        private final WriterReaderPhaser phaser = new WriterReaderPhaser();
        private volatile Histogram[] active;
        private Histogram[] inactive;

        Phased(int histograms) {
            active = atomic(histograms);
            inactive = atomic(histograms);
        }

        private static Histogram[] atomic(int n) {
            Histogram[] h = new Histogram[n];
            for (int i = 0; i < n; i++) {
                h[i] = new AtomicHistogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
            }
            return h;
        }

        void success(long waitMicros, long databaseMicros, long totalMicros) {
            long entered = phaser.writerCriticalSectionEnter();
            try {
                Histogram[] in = active;
                in[POOL_WAIT].recordValue(waitMicros);
                in[DATABASE].recordValue(databaseMicros);
                in[TOTAL].recordValue(totalMicros);
            } finally {
                phaser.writerCriticalSectionExit(entered);
            }
        }

        void one(long micros) {
            long entered = phaser.writerCriticalSectionEnter();
            try {
                active[0].recordValue(micros);
            } finally {
                phaser.writerCriticalSectionExit(entered);
            }
        }

        Histogram[] interval() {
            resetRecorded(inactive);
            phaser.readerLock();
            try {
                Histogram[] ended = active;
                active = inactive;
                inactive = ended;
                phaser.flipPhase();
                return ended;
            } finally {
                phaser.readerUnlock();
            }
        }
    }
}
