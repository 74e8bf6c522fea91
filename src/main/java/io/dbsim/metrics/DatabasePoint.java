package io.dbsim.metrics;

import java.util.Map;

/**
 * The database side of one time-series point: the run's backends as sampled, and pg_stat_database's
 * counters over the interval. PostgreSQL publishes backends' counters about once a second, so
 * per-interval rates are lumpy at one-second sampling; their sums are exact.
 */
public record DatabasePoint(int backends, int active, int idleInTransaction, int locksNotGranted,
                            Map<String, Integer> waitEvents, double commitsPerSec, double rollbacksPerSec,
                            double cacheHitPct, long tempBytes, long deadlocks) {

    public static DatabasePoint of(ActivitySample now, DatabaseCounters previous, double seconds) {
        DatabaseCounters d = previous == null ? DatabaseCounters.ZERO : now.counters().minus(previous);
        return new DatabasePoint(now.backends(), now.active(), now.idleInTransaction(), now.locksNotGranted(),
                now.waitEvents(), d.commits() / seconds, d.rollbacks() / seconds, d.cacheHitPct(), d.tempBytes(),
                d.deadlocks());
    }
}
