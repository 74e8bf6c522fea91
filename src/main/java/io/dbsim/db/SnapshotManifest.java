package io.dbsim.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.UsageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a snapshot holds, kept beside the copies in the snapshot's schema: when and from what it was taken, the
 * schema history then, each table with its columns, rows and fingerprint, and the sequences' values.
 */
record SnapshotManifest(OffsetDateTime takenAt, String origin, boolean explicitTables, SchemaHistory history,
                        List<SnapshotEntry> tables, List<SequenceValue> sequences) {

    private static final int FORMAT = 1;
    private static final String S = DataSnapshot.SCHEMA + ".";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MANIFEST = S + "dbsim_snapshot";
    private static final String TABLES = S + "dbsim_snapshot_tables";
    private static final String SEQUENCES = S + "dbsim_snapshot_sequences";
    /** The names the snapshot's own bookkeeping takes in its schema: no copy may have them. */
    static final Set<String> OWN_TABLES = Set.of("dbsim_snapshot", "dbsim_snapshot_tables",
            "dbsim_snapshot_sequences");

    SnapshotManifest {
        tables = List.copyOf(tables);
        sequences = List.copyOf(sequences);
    }

    long rows() {
        return tables.stream().mapToLong(SnapshotEntry::rows).sum();
    }

    static boolean exists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('" + MANIFEST + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static boolean schemaExists(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = '" + DataSnapshot.SCHEMA + "')")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }

    static Optional<SnapshotManifest> read(Connection c) throws SQLException {
        if (!exists(c)) {
            return Optional.empty();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT format, taken_at, origin, explicit_tables, "
                + "history_version, history_migrations, history_checksum FROM " + MANIFEST)) {
            if (!rs.next()) {
                return Optional.empty();
            }
            if (rs.getInt(1) != FORMAT) {
                throw new UsageException("the data snapshot was written by another dbsim version (format " + rs.getInt(1)
                        + "): take a new one with 'dbsim snapshot take --replace'");
            }
            SchemaHistory history = rs.getString(7) == null ? null
                    : new SchemaHistory(rs.getString(5), rs.getInt(6), rs.getString(7));
            return Optional.of(new SnapshotManifest(rs.getObject(2, OffsetDateTime.class), rs.getString(3), rs.getBoolean(4),
                    history, entries(c), sequences(c)));
        }
    }

    private static List<SnapshotEntry> entries(Connection c) throws SQLException {
        List<SnapshotEntry> entries = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name, table_name, copy_name, "
                + "columns::text, rows, fingerprint_xmin, fingerprint_since FROM " + TABLES + " ORDER BY position")) {
            while (rs.next()) {
                long rows = rs.getLong(5);
                Long xmin = rs.getObject(6) == null ? null : rs.getLong(6);
                entries.add(new SnapshotEntry(new TableName(rs.getString(1), rs.getString(2)), rs.getString(3),
                        columnsFrom(rs.getString(4)), rows, new TableFingerprint(rows, xmin, rs.getLong(7))));
            }
        }
        return entries;
    }

    private static List<SequenceValue> sequences(Connection c) throws SQLException {
        List<SequenceValue> sequences = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT schema_name, sequence_name, last_value, "
                + "is_called FROM " + SEQUENCES + " ORDER BY schema_name, sequence_name")) {
            while (rs.next()) {
                sequences.add(new SequenceValue(new TableName(rs.getString(1), rs.getString(2)), rs.getLong(3), rs.getBoolean(4)));
            }
        }
        return sequences;
    }

    /** Creates the snapshot's schema and its bookkeeping tables; the copies are added beside them. */
    static void createSchema(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + DataSnapshot.SCHEMA);
            s.execute("COMMENT ON SCHEMA " + DataSnapshot.SCHEMA + " IS 'dbsim data snapshot: copies of the data tables, "
                    + "restored by dbsim snapshot restore; dbsim snapshot drop removes it'");
            s.execute("CREATE TABLE " + MANIFEST + " (id INT PRIMARY KEY CHECK (id = 1), format INT NOT NULL, "
                    + "taken_at TIMESTAMPTZ NOT NULL, origin TEXT NOT NULL, explicit_tables BOOLEAN NOT NULL, "
                    + "history_version TEXT, history_migrations INT, history_checksum TEXT)");
            s.execute("CREATE TABLE " + TABLES + " (position INT PRIMARY KEY, schema_name TEXT NOT NULL, "
                    + "table_name TEXT NOT NULL, copy_name TEXT NOT NULL UNIQUE, columns JSONB NOT NULL, rows BIGINT NOT NULL, "
                    + "fingerprint_xmin BIGINT, fingerprint_since BIGINT NOT NULL, UNIQUE (schema_name, table_name))");
            s.execute("CREATE TABLE " + SEQUENCES + " (schema_name TEXT NOT NULL, sequence_name TEXT NOT NULL, "
                    + "last_value BIGINT NOT NULL, is_called BOOLEAN NOT NULL, PRIMARY KEY (schema_name, sequence_name))");
        }
    }

    void write(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + MANIFEST + " VALUES (1, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setInt(1, FORMAT);
            ps.setObject(2, takenAt);
            ps.setString(3, origin);
            ps.setBoolean(4, explicitTables);
            ps.setString(5, history == null ? null : history.version());
            ps.setObject(6, history == null ? null : history.migrations(), Types.INTEGER);
            ps.setString(7, history == null ? null : history.checksum());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + TABLES + " VALUES (?, ?, ?, ?, ?::jsonb, ?, ?, ?)")) {
            int position = 0;
            for (SnapshotEntry e : tables) {
                ps.setInt(1, ++position);
                ps.setString(2, e.table().schema());
                ps.setString(3, e.table().name());
                ps.setString(4, e.copyName());
                ps.setString(5, columnsJson(e.columns()));
                ps.setLong(6, e.rows());
                ps.setObject(7, e.fingerprint().xmin(), Types.BIGINT);
                ps.setLong(8, e.fingerprint().since());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + SEQUENCES + " VALUES (?, ?, ?, ?)")) {
            for (SequenceValue v : sequences) {
                ps.setString(1, v.sequence().schema());
                ps.setString(2, v.sequence().name());
                ps.setLong(3, v.lastValue());
                ps.setBoolean(4, v.called());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static void recordFingerprint(Connection c, TableName table, TableFingerprint fingerprint) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + TABLES + " SET fingerprint_xmin = ?, "
                + "fingerprint_since = ? WHERE schema_name = ? AND table_name = ?")) {
            ps.setObject(1, fingerprint.xmin(), Types.BIGINT);
            ps.setLong(2, fingerprint.since());
            ps.setString(3, table.schema());
            ps.setString(4, table.name());
            ps.executeUpdate();
        }
    }

    private static String columnsJson(List<TableColumn> columns) {
        try {
            return JSON.writeValueAsString(columns);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("column names and types are plain strings and always serialise", e);
        }
    }

    private static List<TableColumn> columnsFrom(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<TableColumn>>() { });
        } catch (JsonProcessingException e) {
            throw new UsageException("the data snapshot's list of columns is damaged (" + e.getOriginalMessage()
                    + "): take a new one with 'dbsim snapshot take --replace'");
        }
    }
}
