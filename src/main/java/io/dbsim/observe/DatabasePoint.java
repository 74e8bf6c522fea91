package io.dbsim.observe;

import java.util.HashMap;
import java.util.Map;

/**
 * The database side of one time-series point: the run's backends as sampled, and pg_stat_database's
 * counters over the interval. PostgreSQL publishes backends' counters about once a second, so
 * per-interval rates are lumpy at one-second sampling; their sums are exact.
 *
 * @param statements what each statement (by query id) did over the interval; empty without pg_stat_statements
 * @param change     pg_stat_database's counters over the interval, for those who add intervals up
 */
public record DatabasePoint(int backends, int active, int idleInTransaction, int locksNotGranted,
                            Map<String, Integer> waitEvents, double commitsPerSec, double rollbacksPerSec,
                            double cacheHitPct, long tempBytes, long deadlocks, Map<Long, StatementTick> statements,
                            DatabaseCounters change) {

    public static DatabasePoint of(ActivitySample now, DatabaseCounters previous, Map<Long, StatementTick> previousStatements,
                                   double seconds) {
        // Counters reset in between (a restart after a crash) count from zero, not below it.
        DatabaseCounters d = previous == null ? DatabaseCounters.ZERO
                : now.counters().minus(now.counters().below(previous) ? DatabaseCounters.ZERO : previous);
        return new DatabasePoint(now.backends(), now.active(), now.idleInTransaction(), now.locksNotGranted(),
                now.waitEvents(), d.commits() / seconds, d.rollbacks() / seconds, d.cacheHitPct(), d.tempBytes(),
                d.deadlocks(), statementsSince(now.statementTotals(), previousStatements), d);
    }

    private static Map<Long, StatementTick> statementsSince(Map<Long, StatementTick> now, Map<Long, StatementTick> before) {
        if (now == null || before == null) {
            return Map.of();
        }
        Map<Long, StatementTick> out = new HashMap<>();
        now.forEach((id, t) -> {
            StatementTick d = t.since(before.get(id));
            if (d.calls() > 0) {
                out.put(id, d);
            }
        });
        return out;
    }
}
