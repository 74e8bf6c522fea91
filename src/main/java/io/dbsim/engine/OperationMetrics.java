package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.observe.Micros;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies of one operation, in microseconds, three ways (pool wait, database time, total) for
 * successes and total for failures, with failure counts by class and retries. Writers are
 * wait-free ({@link LatencyRecorder}), so thousands of users record without waiting for each other.
 */
public final class OperationMetrics {

    /** No failure or retry of any class, as in most intervals; shared, never to be written. */
    static final long[] NONE = new long[ErrorClass.values().length];

    private final String name;
    private final LatencyRecorder recorder;
    private final LongAdder[] failures = adders();
    private final LongAdder[] retries = adders();
    private final LongAdder late = new LongAdder();
    private final LongAdder warmUp = new LongAdder();
    /** The failure, retry and late counts as of the last sample: the run's totals are what was sampled, as its histograms are. */
    private final long[] failuresSampled = new long[ErrorClass.values().length];
    private final long[] retriesSampled = new long[ErrorClass.values().length];
    private long lateSampled;

    private final Histogram totalSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram poolWaitSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram databaseSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram failedSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);

    /** @param stripes the recorder's, from {@link LatencyRecorder#stripesFor} */
    OperationMetrics(String name, int stripes) {
        this.name = name;
        this.recorder = new LatencyRecorder(stripes);
    }

    private static LongAdder[] adders() {
        LongAdder[] adders = new LongAdder[ErrorClass.values().length];
        for (int i = 0; i < adders.length; i++) {
            adders[i] = new LongAdder();
        }
        return adders;
    }

    public String name() {
        return name;
    }

    public void success(long waitMicros, long databaseMicros, long totalMicros) {
        recorder.success(clamp(waitMicros), clamp(databaseMicros), clamp(totalMicros));
    }

    public void failure(ErrorClass error, long totalMicros) {
        failures[error.ordinal()].increment();
        recorder.failure(clamp(totalMicros));
    }

    /** An attempt that failed with {@code error} and is tried again: counted apart from failures. */
    public void retry(ErrorClass error) {
        retries[error.ordinal()].increment();
    }

    /** A success that took longer than the run's latency limit (pgbench -L). */
    public void late() {
        late.increment();
    }

    /** An operation that started during the warm-up: left out of the statistics, shown in the time series as warm-up. */
    public void warmUp() {
        warmUp.increment();
    }

    /** Warm-up operations since the last call; called by the sampling thread only. */
    long takeWarmUp() {
        return warmUp.sumThenReset();
    }

    /** Adding walks all of the interval's counts, so an interval with none is left out. */
    static void addRecorded(Histogram to, Histogram interval) {
        if (interval.getTotalCount() > 0) {
            to.add(interval);
        }
    }

    private static long clamp(long micros) {
        return Micros.clamp(micros);
    }

    /**
     * Moves what was recorded since the last call into the run's totals and returns the interval's
     * latencies and failures; called by one sampling thread only.
     */
    public synchronized Interval sample() {
        LatencyRecorder.Interval in = recorder.interval();
        addRecorded(totalSoFar, in.total());
        addRecorded(failedSoFar, in.failed());
        addRecorded(poolWaitSoFar, in.poolWait());
        addRecorded(databaseSoFar, in.database());
        lateSampled = late.sum();
        return new Interval(in.total(), in.poolWait(), in.database(), in.failed().getTotalCount(),
                sinceSampled(failures, failuresSampled), sinceSampled(retries, retriesSampled));
    }

    /** Counts by class since the last sample; the shared {@link #NONE} when there were none, as in most intervals. */
    private static long[] sinceSampled(LongAdder[] counts, long[] sampled) {
        long[] since = null;
        for (int i = 0; i < counts.length; i++) {
            long now = counts[i].sum();
            if (now != sampled[i]) {
                since = since == null ? new long[counts.length] : since;
                since[i] = now - sampled[i];
                sampled[i] = now;
            }
        }
        return since == null ? NONE : since;
    }

    /**
     * The interval just sampled: successes' total, pool-wait and database histograms, the failure count (as the
     * failure histogram has it), failures and retries by class (indexed by {@link ErrorClass#ordinal()}). The
     * histograms are reused by the next sample: read them before then.
     */
    public record Interval(Histogram succeeded, Histogram poolWait, Histogram database, long failed, long[] failedByClass,
                           long[] retriedByClass) {

        public double poolWaitMeanMicros() {
            return poolWait.getTotalCount() == 0 ? 0 : poolWait.getMean();
        }

        public long retries() {
            long n = 0;
            for (long r : retriedByClass) {
                n += r;
            }
            return n;
        }
    }

    /** The run's totals; call sample() first so the last interval is included. */
    public synchronized Summary summary() {
        long retried = 0;
        for (long r : retriesSampled) {
            retried += r;
        }
        return new Summary(name, totalSoFar.copy(), poolWaitSoFar.copy(), databaseSoFar.copy(), failedSoFar.copy(),
                failuresSampled.clone(), retried, retriesSampled.clone(), lateSampled);
    }

    /**
     * Everything measured for one operation, frozen; retries by class indexed as failures are.
     *
     * @param late successes slower than the latency limit; 0 without one
     */
    public record Summary(String name, Histogram total, Histogram poolWait, Histogram database, Histogram failedLatency,
                          long[] failuresByClass, long retries, long[] retriesByClass, long late) {

        public long succeeded() {
            return total.getTotalCount();
        }

        public long failed() {
            long n = 0;
            for (long f : failuresByClass) {
                n += f;
            }
            return n;
        }

        public long count() {
            return succeeded() + failed();
        }
    }
}
