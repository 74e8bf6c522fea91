package io.dbsim.observe;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import org.HdrHistogram.Histogram;

import java.util.concurrent.atomic.LongAdder;

/**
 * HikariCP's own view of the pool, through its metrics-tracker hook: how long getConnection took
 * inside HikariCP, how long connections were held, how long new ones took to open, and timeouts.
 * Read once, at the end, so striped atomic histograms do: two atomic updates per call where a Recorder, made for
 * reading intervals, takes five, and on lines other cores rarely touch.
 */
public final class PoolAcquireTracker implements MetricsTrackerFactory, IMetricsTracker {

    private final StripedHistogram acquire = new StripedHistogram();
    private final StripedHistogram usage = new StripedHistogram();
    private final StripedHistogram created = new StripedHistogram();
    private final LongAdder timeouts = new LongAdder();

    @Override
    public IMetricsTracker create(String poolName, PoolStats poolStats) {
        return this;
    }

    @Override
    public void recordConnectionAcquiredNanos(long elapsedNanos) {
        acquire.record(elapsedNanos / 1000);
    }

    @Override
    public void recordConnectionUsageMillis(long elapsedMillis) {
        usage.record(elapsedMillis * 1000);
    }

    @Override
    public void recordConnectionCreatedMillis(long elapsedMillis) {
        created.record(elapsedMillis * 1000);
    }

    @Override
    public void recordConnectionTimeout() {
        timeouts.increment();
    }

    /** What HikariCP recorded over the whole run; call once, at the end. */
    public Summary summary() {
        return new Summary(acquire.sum(), usage.sum(), created.sum(), timeouts.sum());
    }

    /** Histograms in microseconds. */
    public record Summary(Histogram acquire, Histogram usage, Histogram connectionCreation, long timeouts) {
    }
}
