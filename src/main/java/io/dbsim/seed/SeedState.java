package io.dbsim.seed;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * dbsim's record of the last seed, kept in the database itself. A seed marks it 'loading' before
 * touching any table and 'complete' only at the very end, so an interrupted seed can never pass
 * for a finished one, and the indexes it dropped to load fast are written here first, so the
 * next `seed --reset` can put them back.
 */
public record SeedState(String status, String profile, long seed, OffsetDateTime startedAt,
                        OffsetDateTime finishedAt, String rowCounts, List<String> restoreDdl) {

    static final String TABLE = "dbsim_seed_state";

    public boolean complete() {
        return "complete".equals(status);
    }

    static void ensureTable(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + TABLE + " ("
                    + "id INT PRIMARY KEY CHECK (id = 1), "
                    + "status TEXT NOT NULL CHECK (status IN ('loading', 'complete')), "
                    + "profile TEXT NOT NULL, seed BIGINT NOT NULL, "
                    + "started_at TIMESTAMPTZ NOT NULL, finished_at TIMESTAMPTZ, "
                    + "row_counts JSONB, restore_ddl TEXT[])");
        }
    }

    public static Optional<SeedState> read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet exists = s.executeQuery("SELECT to_regclass('" + TABLE + "') IS NOT NULL")) {
            exists.next();
            if (!exists.getBoolean(1)) {
                return Optional.empty();
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT status, profile, seed, started_at, finished_at, row_counts::text, restore_ddl FROM "
                     + TABLE + " WHERE id = 1")) {
            if (!rs.next()) {
                return Optional.empty();
            }
            Array ddl = rs.getArray(7);
            return Optional.of(new SeedState(rs.getString(1), rs.getString(2), rs.getLong(3),
                    rs.getObject(4, OffsetDateTime.class), rs.getObject(5, OffsetDateTime.class), rs.getString(6),
                    ddl == null ? List.of() : Arrays.asList((String[]) ddl.getArray())));
        }
    }

    static void markLoading(Connection c, String profile, long seed) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLE
                + " (id, status, profile, seed, started_at) VALUES (1, 'loading', ?, ?, now()) "
                + "ON CONFLICT (id) DO UPDATE SET status = 'loading', profile = excluded.profile, seed = excluded.seed, "
                + "started_at = excluded.started_at, finished_at = NULL, row_counts = NULL")) {
            ps.setString(1, profile);
            ps.setLong(2, seed);
            ps.executeUpdate();
        }
    }

    static void saveRestoreDdl(Connection c, List<String> ddl) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE + " SET restore_ddl = ? WHERE id = 1")) {
            ps.setArray(1, c.createArrayOf("text", ddl.toArray()));
            ps.executeUpdate();
        }
    }

    static void markComplete(Connection c, String rowCountsJson) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLE
                + " SET status = 'complete', finished_at = now(), row_counts = ?::jsonb, restore_ddl = NULL WHERE id = 1")) {
            ps.setString(1, rowCountsJson);
            ps.executeUpdate();
        }
    }
}
