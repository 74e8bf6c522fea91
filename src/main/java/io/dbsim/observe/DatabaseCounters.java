package io.dbsim.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** pg_stat_database's cumulative counters for the run's database; subtract two to get what happened between. */
public record DatabaseCounters(long commits, long rollbacks, long blocksRead, long blocksHit, long tempFiles,
                               long tempBytes, long deadlocks, long conflicts) {

    static final DatabaseCounters ZERO = new DatabaseCounters(0, 0, 0, 0, 0, 0, 0, 0);

    static DatabaseCounters read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(DatabaseObserver.TAG + "SELECT xact_commit, xact_rollback, blks_read, blks_hit, "
                     + "temp_files, temp_bytes, deadlocks, conflicts FROM pg_stat_database WHERE datname = current_database()")) {
            if (!rs.next()) {
                return ZERO;
            }
            return new DatabaseCounters(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                    rs.getLong(6), rs.getLong(7), rs.getLong(8));
        }
    }

    public DatabaseCounters minus(DatabaseCounters before) {
        return new DatabaseCounters(commits - before.commits, rollbacks - before.rollbacks, blocksRead - before.blocksRead,
                blocksHit - before.blocksHit, tempFiles - before.tempFiles, tempBytes - before.tempBytes,
                deadlocks - before.deadlocks, conflicts - before.conflicts);
    }

    /** Whether a cumulative counter is lower than in {@code earlier}: they were reset in between. */
    public boolean below(DatabaseCounters earlier) {
        return commits < earlier.commits || rollbacks < earlier.rollbacks || blocksRead < earlier.blocksRead
                || blocksHit < earlier.blocksHit;
    }

    /** Share of block requests served from shared buffers; NaN when there were none. */
    public double cacheHitPct() {
        long all = blocksRead + blocksHit;
        return all == 0 ? Double.NaN : 100.0 * blocksHit / all;
    }
}
