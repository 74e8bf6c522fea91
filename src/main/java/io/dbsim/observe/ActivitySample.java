package io.dbsim.observe;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One look at the run's own backends in pg_stat_activity: what state they are in and what each
 * busy one waits on ("CPU" when it waits on nothing), plus the lock requests they have not been granted.
 *
 * @param waitEvents       busy backends by {@code type:event}, e.g. {@code Lock:transactionid}
 * @param lockWaitQueries  the statements of the backends waiting on a lock, as pg_stat_activity shows them
 * @param statementTotals  pg_stat_statements' cumulative calls and time by query id; null when not available
 */
public record ActivitySample(int backends, int active, int idleInTransaction, int locksNotGranted,
                             Map<String, Integer> waitEvents, List<String> lockWaitQueries, DatabaseCounters counters,
                             Map<Long, StatementTick> statementTotals) {

    private static final String ACTIVITY = DatabaseObserver.TAG
            + "SELECT state, wait_event_type, wait_event, left(query, 2000) FROM pg_stat_activity "
            + "WHERE datname = current_database() AND application_name = ?";
    private static final String LOCKS = DatabaseObserver.TAG
            + "SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid "
            + "WHERE NOT l.granted AND a.datname = current_database() AND a.application_name = ?";

    static ActivitySample read(Connection c, String applicationName, boolean withStatements) throws SQLException {
        int backends = 0;
        int active = 0;
        int idleInTx = 0;
        Map<String, Integer> waits = new TreeMap<>();
        List<String> lockQueries = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ACTIVITY)) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    backends++;
                    String state = rs.getString(1);
                    if (state == null || state.equals("idle")) {
                        continue;
                    }
                    if (state.equals("active")) {
                        active++;
                    } else if (state.startsWith("idle in transaction")) {
                        idleInTx++;
                    }
                    String type = rs.getString(2);
                    String event = rs.getString(3);
                    waits.merge(type == null ? "CPU" : type + ":" + event, 1, Integer::sum);
                    if ("Lock".equals(type)) {
                        lockQueries.add(rs.getString(4));
                    }
                }
            }
        }
        int notGranted;
        try (PreparedStatement ps = c.prepareStatement(LOCKS)) {
            ps.setString(1, applicationName);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                notGranted = rs.getInt(1);
            }
        }
        return new ActivitySample(backends, active, idleInTx, notGranted, waits, lockQueries, DatabaseCounters.read(c),
                withStatements ? StatementStat.totals(c) : null);
    }
}
