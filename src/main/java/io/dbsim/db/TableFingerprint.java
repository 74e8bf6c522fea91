package io.dbsim.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether a table still holds exactly the rows it held when last snapshotted or restored, known without reading
 * its data: its row count, and the one transaction id ({@code xmin}) every one of those rows was written by.
 *
 * <p>Exact because every insert or update writes a row version with the xmin of its own transaction: if all the
 * visible rows still carry the recorded xmin, none is new, and if there are as many as there were, none is gone.
 * Row locks and rolled-back writes leave the visible rows as they were. Raw xmins repeat only after 2^32
 * transactions, so the fingerprint is trusted for 2^31 transactions after it was recorded ({@code since}, a 64-bit
 * transaction id), and only when its xmin was not in the future then. A table whose rows have several xmins
 * (written by many transactions) has no xmin and always counts as changed until it is restored.
 */
record TableFingerprint(long rows, Long xmin, long since) {

    private static final long TRUSTED_FOR = 1L << 31;
    /** The next transaction id to be handed out, read without taking one. */
    private static final String NEXT_XID = "pg_snapshot_xmax(pg_current_snapshot())::text::bigint";

    /** The fingerprint of the table as the current transaction sees it. */
    static TableFingerprint of(Connection c, TableName table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*), "
                + "min(xmin::text::bigint), max(xmin::text::bigint), " + NEXT_XID + " FROM " + table.sql())) {
            rs.next();
            long rows = rs.getLong(1);
            long min = rs.getLong(2);
            long max = rs.getLong(3);
            long since = rs.getLong(4);
            boolean single = rows > 0 && min == max && !inFuture(c, min);
            return new TableFingerprint(rows, single ? min : null, since);
        }
    }

    /** The fingerprint of rows this transaction has just written, all with its own xmin. */
    static TableFingerprint writtenNow(Connection c, long rows) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint")) {
            rs.next();
            long full = rs.getLong(1);
            return new TableFingerprint(rows, rows > 0 ? full & 0xFFFF_FFFFL : null, full);
        }
    }

    boolean matches(Connection c, TableName table) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (rows > 0 && xmin == null) {
                return false;
            }
            try (ResultSet now = s.executeQuery("SELECT " + NEXT_XID)) {
                now.next();
                if (now.getLong(1) - since >= TRUSTED_FOR) {
                    return false;
                }
            }
            String others = xmin == null ? "0" : "count(*) FILTER (WHERE NOT xmin = '" + xmin + "'::xid)";
            try (ResultSet rs = s.executeQuery("SELECT count(*), " + others + " FROM " + table.sql())) {
                rs.next();
                return rs.getLong(1) == rows && rs.getLong(2) == 0;
            }
        }
    }

    private static boolean inFuture(Connection c, long xid) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT age('" + xid + "'::xid) < 0")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
