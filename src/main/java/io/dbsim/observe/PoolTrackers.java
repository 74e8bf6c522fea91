package io.dbsim.observe;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;

import java.util.Arrays;
import java.util.List;

/**
 * HikariCP takes one metrics tracker per pool: several trackers as one, so dbsim's own (the report's acquire and
 * hold times) and another (HikariCP's own Prometheus series) both hear every event.
 */
public final class PoolTrackers {

    private PoolTrackers() {
    }

    public static MetricsTrackerFactory all(MetricsTrackerFactory... factories) {
        List<MetricsTrackerFactory> each = List.copyOf(Arrays.asList(factories));
        return (poolName, poolStats) -> new Composite(each.stream().map(f -> f.create(poolName, poolStats)).toList());
    }

    /** Called on every connection HikariCP hands out: plain loops, no allocation. */
    private record Composite(List<IMetricsTracker> trackers) implements IMetricsTracker {

        @Override
        public void recordConnectionCreatedMillis(long elapsedMillis) {
            for (IMetricsTracker t : trackers) {
                t.recordConnectionCreatedMillis(elapsedMillis);
            }
        }

        @Override
        public void recordConnectionAcquiredNanos(long elapsedNanos) {
            for (IMetricsTracker t : trackers) {
                t.recordConnectionAcquiredNanos(elapsedNanos);
            }
        }

        @Override
        public void recordConnectionUsageMillis(long elapsedMillis) {
            for (IMetricsTracker t : trackers) {
                t.recordConnectionUsageMillis(elapsedMillis);
            }
        }

        @Override
        public void recordConnectionTimeout() {
            for (IMetricsTracker t : trackers) {
                t.recordConnectionTimeout();
            }
        }

        @Override
        public void close() {
            trackers.forEach(IMetricsTracker::close);
        }
    }
}
