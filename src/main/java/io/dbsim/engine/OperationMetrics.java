package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.observe.Micros;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.concurrent.atomic.LongAdder;

/**
 * Latencies of one operation, in microseconds, three ways (pool wait, database time, total) for
 * successes and total for failures, with failure counts by class and retries. Writers are
 * wait-free (HdrHistogram's Recorder), so thousands of users record without contending.
 */
public final class OperationMetrics {

    /** No failure or retry of any class, as in most intervals; shared, never to be written. */
    static final long[] NONE = new long[ErrorClass.values().length];

    private final String name;
    private final Recorder total = new Recorder(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Recorder poolWait = new Recorder(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Recorder database = new Recorder(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Recorder failed = new Recorder(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final LongAdder[] failures = adders();
    private final LongAdder[] retries = adders();
    /** The class counts as the last sample read them: the next sample's are what came since. */
    private final long[] failuresSampled = new long[ErrorClass.values().length];
    private final long[] retriesSampled = new long[ErrorClass.values().length];

    private final Histogram totalSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram poolWaitSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram databaseSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram failedSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private Histogram totalInterval;
    private Histogram failedInterval;
    private Histogram waitInterval;
    private Histogram databaseInterval;

    public OperationMetrics(String name) {
        this.name = name;
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
        poolWait.recordValue(clamp(waitMicros));
        database.recordValue(clamp(databaseMicros));
        total.recordValue(clamp(totalMicros));
    }

    public void failure(ErrorClass error, long totalMicros) {
        failures[error.ordinal()].increment();
        failed.recordValue(clamp(totalMicros));
    }

    /** An attempt that failed with {@code error} and is tried again: counted apart from failures. */
    public void retry(ErrorClass error) {
        retries[error.ordinal()].increment();
    }

    private static long clamp(long micros) {
        return Micros.clamp(micros);
    }

    /**
     * Moves what was recorded since the last call into the run's totals and returns the interval's
     * success and failure latencies; called by one sampling thread only.
     */
    public synchronized Interval sample() {
        totalInterval = total.getIntervalHistogram(totalInterval);
        failedInterval = failed.getIntervalHistogram(failedInterval);
        totalSoFar.add(totalInterval);
        failedSoFar.add(failedInterval);
        waitInterval = poolWait.getIntervalHistogram(waitInterval);
        databaseInterval = database.getIntervalHistogram(databaseInterval);
        poolWaitSoFar.add(waitInterval);
        databaseSoFar.add(databaseInterval);
        return new Interval(totalInterval, failedInterval.getTotalCount(),
                waitInterval.getTotalCount() == 0 ? 0 : waitInterval.getMean(), sinceSampled(failures, failuresSampled),
                sinceSampled(retries, retriesSampled));
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
     * Latencies of the interval just sampled: successes' histogram, the failure count, the mean pool wait, and
     * failures and retries by class (indexed by {@link ErrorClass#ordinal()}). The histogram is reused by the
     * next sample: read it before then.
     */
    public record Interval(Histogram succeeded, long failed, double poolWaitMeanMicros, long[] failedByClass,
                           long[] retriedByClass) {
    }

    /** The run's totals; call sample() first so the last interval is included. */
    public synchronized Summary summary() {
        long[] byClass = new long[failures.length];
        for (int i = 0; i < failures.length; i++) {
            byClass[i] = failures[i].sum();
        }
        long[] retriedByClass = new long[retries.length];
        long retried = 0;
        for (int i = 0; i < retries.length; i++) {
            retriedByClass[i] = retries[i].sum();
            retried += retriedByClass[i];
        }
        return new Summary(name, totalSoFar.copy(), poolWaitSoFar.copy(), databaseSoFar.copy(), failedSoFar.copy(),
                byClass, retried, retriedByClass);
    }

    /** Everything measured for one operation, frozen; retries by class indexed as failures are. */
    public record Summary(String name, Histogram total, Histogram poolWait, Histogram database, Histogram failedLatency,
                          long[] failuresByClass, long retries, long[] retriesByClass) {

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
