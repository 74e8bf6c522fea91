package io.dbsim.engine;

import io.dbsim.observe.Micros;
import org.HdrHistogram.AtomicHistogram;
import org.HdrHistogram.WriterReaderPhaser;

/**
 * An operation's latencies per sample interval: a success's three (pool wait, database time, total) or a failure's
 * total, recorded in one writer section. Three HdrHistogram Recorders cost fifteen atomic updates per success, as each
 * wraps a concurrent histogram in a phaser of its own; here one phaser guards plain atomic histograms, eight updates.
 * Writers never wait; the sampling thread swaps the interval's histograms for empty ones, as a Recorder does.
 */
final class LatencyRecorder {

    /** One interval's histograms, in microseconds; read them before the next {@link #interval()} empties them. */
    record Interval(AtomicHistogram total, AtomicHistogram poolWait, AtomicHistogram database, AtomicHistogram failed) {

        private static Interval empty() {
            return new Interval(histogram(), histogram(), histogram(), histogram());
        }

        private static AtomicHistogram histogram() {
            return new AtomicHistogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        }

        /** Clearing a histogram walks all its counts, thousands of them; most operations record none in an interval. */
        private void reset() {
            for (AtomicHistogram h : new AtomicHistogram[] {total, poolWait, database, failed}) {
                if (h.getTotalCount() > 0) {
                    h.reset();
                }
            }
        }
    }

    private final WriterReaderPhaser phaser = new WriterReaderPhaser();
    private volatile Interval active = Interval.empty();
    private Interval inactive = Interval.empty();

    void success(long waitMicros, long databaseMicros, long totalMicros) {
        long entered = phaser.writerCriticalSectionEnter();
        try {
            Interval in = active;
            in.poolWait.recordValue(waitMicros);
            in.database.recordValue(databaseMicros);
            in.total.recordValue(totalMicros);
        } finally {
            phaser.writerCriticalSectionExit(entered);
        }
    }

    void failure(long totalMicros) {
        long entered = phaser.writerCriticalSectionEnter();
        try {
            active.failed.recordValue(totalMicros);
        } finally {
            phaser.writerCriticalSectionExit(entered);
        }
    }

    /** What was recorded since the previous call; one sampling thread calls it. */
    Interval interval() {
        inactive.reset();
        phaser.readerLock();
        try {
            Interval ended = active;
            active = inactive;
            inactive = ended;
            phaser.flipPhase();
            return ended;
        } finally {
            phaser.readerUnlock();
        }
    }
}
