package io.dbsim.report.live;

import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.DatabasePoint;

/**
 * pg_stat_database's counters over the sampled intervals added up, and the latest sample of the run's backends.
 * Counters never go down, even when the server's statistics are reset mid-run.
 */
final class DatabaseTotals {

    long commits;
    long rollbacks;
    long blocksHit;
    long blocksRead;
    long deadlocks;
    long tempBytes;
    /** null when the latest sample could not read the database, or the run's users had stopped. */
    DatabasePoint latest;
    /** Whether any sample read the database: until then there is nothing to show. */
    boolean observed;

    void add(DatabasePoint point) {
        latest = point;
        if (point == null || point.change() == null) {
            return;
        }
        observed = true;
        DatabaseCounters c = point.change();
        commits += Math.max(0, c.commits());
        rollbacks += Math.max(0, c.rollbacks());
        blocksHit += Math.max(0, c.blocksHit());
        blocksRead += Math.max(0, c.blocksRead());
        deadlocks += Math.max(0, c.deadlocks());
        tempBytes += Math.max(0, c.tempBytes());
    }
}
