package io.dbsim.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * One normalized statement's pg_stat_statements counters, summed over users and nesting levels.
 * {@link #operation} is the dbsim operation that ran it, when the SQL is ours.
 */
public record StatementStat(long queryId, String query, String operation, long calls, double totalMs, long rows,
                            long sharedBlocksHit, long sharedBlocksRead, long tempBlocksRead, long tempBlocksWritten) {

    /** The run's role in this database: the statements dbsim's users sent (and the observer's own, tagged). */
    private static final String OURS = "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            + "AND queryid IS NOT NULL AND userid = (SELECT oid FROM pg_roles WHERE rolname = current_user) ";

    private static final String SNAPSHOT = DatabaseObserver.TAG
            + "SELECT queryid, min(query), sum(calls), sum(total_exec_time), sum(rows), sum(shared_blks_hit), "
            + "sum(shared_blks_read), sum(temp_blks_read), sum(temp_blks_written) FROM pg_stat_statements " + OURS
            + "AND query NOT LIKE '" + DatabaseObserver.TAG.trim() + "%' GROUP BY queryid";

    /** Only the counters, without the texts: cheap enough to read at every sample. */
    private static final String TOTALS = DatabaseObserver.TAG
            + "SELECT queryid, sum(calls), sum(total_exec_time) FROM pg_stat_statements(false) " + OURS + "GROUP BY queryid";

    /** Cumulative calls and execution time by query id, now. */
    static Map<Long, StatementTick> totals(Connection c) throws SQLException {
        Map<Long, StatementTick> all = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(TOTALS)) {
            while (rs.next()) {
                all.put(rs.getLong(1), new StatementTick(rs.getLong(2), rs.getDouble(3)));
            }
        }
        return all;
    }

    /** The cumulative counters of a full snapshot, as {@link #totals} reads them. */
    public static Map<Long, StatementTick> totalsOf(Map<Long, StatementStat> snapshot) {
        Map<Long, StatementTick> all = new HashMap<>();
        snapshot.forEach((id, st) -> all.put(id, new StatementTick(st.calls, st.totalMs)));
        return all;
    }

    static Map<Long, StatementStat> snapshot(Connection c) throws SQLException {
        Map<Long, StatementStat> all = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            while (rs.next()) {
                StatementStat st = new StatementStat(rs.getLong(1), redact(rs.getString(2)), null, rs.getLong(3), rs.getDouble(4),
                        rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9));
                all.put(st.queryId, st);
            }
        }
        return all;
    }

    private static final java.util.regex.Pattern PASSWORD = java.util.regex.Pattern.compile("(?i)(password\\s+)'(?:[^']|'')*'");

    /** A statement text never carries a password into a report (ALTER ROLE ... PASSWORD '...' is kept literally). */
    static String redact(String query) {
        return query == null ? null : PASSWORD.matcher(query).replaceAll("$1'***'");
    }

    /** What this statement did since {@code before} (null when it is new); counters reset in between count from zero. */
    StatementStat since(StatementStat before) {
        if (before == null || before.calls > calls) {
            return this;
        }
        return new StatementStat(queryId, query, operation, calls - before.calls, totalMs - before.totalMs, rows - before.rows,
                sharedBlocksHit - before.sharedBlocksHit, sharedBlocksRead - before.sharedBlocksRead,
                tempBlocksRead - before.tempBlocksRead, tempBlocksWritten - before.tempBlocksWritten);
    }

    public StatementStat withOperation(String name) {
        return new StatementStat(queryId, query, name, calls, totalMs, rows, sharedBlocksHit, sharedBlocksRead,
                tempBlocksRead, tempBlocksWritten);
    }

    public double meanMs() {
        return calls == 0 ? 0 : totalMs / calls;
    }

    public double cacheHitPct() {
        long all = sharedBlocksHit + sharedBlocksRead;
        return all == 0 ? Double.NaN : 100.0 * sharedBlocksHit / all;
    }
}
