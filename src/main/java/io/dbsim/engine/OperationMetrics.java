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

    private final String name;
    private final LatencyRecorder recorder = new LatencyRecorder();
    private final LongAdder[] failures = new LongAdder[ErrorClass.values().length];
    private final LongAdder retries = new LongAdder();

    private final Histogram totalSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram poolWaitSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram databaseSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram failedSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);

    public OperationMetrics(String name) {
        this.name = name;
        for (int i = 0; i < failures.length; i++) {
            failures[i] = new LongAdder();
        }
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

    public void retry() {
        retries.increment();
    }

    private static long clamp(long micros) {
        return Micros.clamp(micros);
    }

    /**
     * Moves what was recorded since the last call into the run's totals and returns the interval's
     * success and failure latencies; called by one sampling thread only.
     */
    public synchronized Interval sample() {
        LatencyRecorder.Interval in = recorder.interval();
        totalSoFar.add(in.total());
        failedSoFar.add(in.failed());
        poolWaitSoFar.add(in.poolWait());
        databaseSoFar.add(in.database());
        return new Interval(in.total(), in.failed().getTotalCount(),
                in.poolWait().getTotalCount() == 0 ? 0 : in.poolWait().getMean());
    }

    /**
     * Latencies of the interval just sampled: successes' histogram, the failure count and the mean pool
     * wait. The histogram is reused by the next sample: read it before then.
     */
    public record Interval(Histogram succeeded, long failed, double poolWaitMeanMicros) {
    }

    /** The run's totals; call sample() first so the last interval is included. */
    public synchronized Summary summary() {
        long[] byClass = new long[failures.length];
        for (int i = 0; i < failures.length; i++) {
            byClass[i] = failures[i].sum();
        }
        return new Summary(name, totalSoFar.copy(), poolWaitSoFar.copy(), databaseSoFar.copy(), failedSoFar.copy(),
                byClass, retries.sum());
    }

    /** Everything measured for one operation, frozen. */
    public record Summary(String name, Histogram total, Histogram poolWait, Histogram database, Histogram failedLatency,
                          long[] failuresByClass, long retries) {

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
