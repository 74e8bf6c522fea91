package io.dbsim.observe;

import io.dbsim.db.DataSnapshot;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * pg_stat_user_tables for one table. Counters subtract to what the run did; {@link #liveRowsAtStart} is the live rows
 * when the run began (the level before the subtraction), {@link #liveRows},
 * {@link #deadRows} and {@link #sizeBytes} are levels, kept as they were at the end.
 */
public record TableStat(String table, long seqScans, long seqRowsRead, long indexScans, long inserts, long updates,
                        long hotUpdates, long deletes, long liveRows, long deadRows, long sizeBytes, long liveRowsAtStart) {

    private static final String SNAPSHOT = DatabaseObserver.TAG
            + "SELECT CASE WHEN schemaname = current_schema() THEN relname ELSE schemaname || '.' || relname END, "
            + "seq_scan, seq_tup_read, coalesce(idx_scan, 0), n_tup_ins, n_tup_upd, n_tup_hot_upd, n_tup_del, "
            + "n_live_tup, n_dead_tup, pg_total_relation_size(relid) FROM pg_stat_user_tables "
            + "WHERE schemaname <> '" + DataSnapshot.SCHEMA + "' ORDER BY 1";

    static Map<String, TableStat> snapshot(Connection c) throws SQLException {
        Map<String, TableStat> all = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            while (rs.next()) {
                TableStat t = new TableStat(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(9));
                all.put(t.table, t);
            }
        }
        return all;
    }

    /** Whether any table's cumulative counters are lower than in {@code earlier}: the statistics were reset in between. */
    static boolean anyBelow(Map<String, TableStat> now, Map<String, TableStat> earlier) {
        return now.values().stream().anyMatch(t -> {
            TableStat e = earlier.get(t.table);
            return e != null && (t.seqScans < e.seqScans || t.indexScans < e.indexScans || t.inserts < e.inserts
                    || t.updates < e.updates || t.deletes < e.deletes);
        });
    }

    TableStat since(TableStat before) {
        if (before == null) {
            return new TableStat(table, seqScans, seqRowsRead, indexScans, inserts, updates, hotUpdates, deletes, liveRows, deadRows,
                    sizeBytes, 0);
        }
        return new TableStat(table, seqScans - before.seqScans, seqRowsRead - before.seqRowsRead,
                indexScans - before.indexScans, inserts - before.inserts, updates - before.updates,
                hotUpdates - before.hotUpdates, deletes - before.deletes, liveRows, deadRows, sizeBytes, before.liveRows);
    }

    public boolean touched() {
        return seqScans + indexScans + inserts + updates + deletes > 0;
    }

    /** Rows a sequential scan of this table read on average during the run. */
    public double rowsPerSeqScan() {
        return seqScans == 0 ? 0 : (double) seqRowsRead / seqScans;
    }

    public double hotUpdatePct() {
        return updates == 0 ? Double.NaN : 100.0 * hotUpdates / updates;
    }
}
