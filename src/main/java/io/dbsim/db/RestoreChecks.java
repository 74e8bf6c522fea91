package io.dbsim.db;

import io.dbsim.UsageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a restore checks before it changes anything: that the snapshot's tables and sequences still exist with the
 * snapshot's columns, that the role may restore them; and what it tells the user: a schema history that moved,
 * tables created since.
 *
 * <p>Restoring by column name is exact when a table has the same columns (names, types and generation expressions)
 * as at the snapshot, whatever their order; anything else is refused, naming the table and the columns.
 */
final class RestoreChecks {

    private RestoreChecks() {
    }

    static void refuseMissing(Connection c, SnapshotManifest manifest) throws SQLException {
        for (SnapshotEntry entry : manifest.tables()) {
            if (!TableCatalog.exists(c, entry.table())) {
                throw new UsageException("table " + entry.table() + " in the snapshot no longer exists: create it again, or take a "
                        + "new snapshot with 'dbsim snapshot take --replace'");
            }
        }
        for (SequenceValue value : manifest.sequences()) {
            if (!TableCatalog.exists(c, value.sequence())) {
                throw new UsageException("sequence " + value.sequence() + " in the snapshot no longer exists: create it again, "
                        + "or take a new snapshot with 'dbsim snapshot take --replace'");
            }
        }
    }

    static void refuseChangedColumns(Connection c, SnapshotEntry entry) throws SQLException {
        Set<TableColumn> now = new LinkedHashSet<>(TableCatalog.columns(c, entry.table()).orElseThrow());
        Set<TableColumn> then = new LinkedHashSet<>(entry.columns());
        if (now.equals(then)) {
            return;
        }
        String added = now.stream().filter(col -> !then.contains(col)).map(TableColumn::toString).collect(Collectors.joining(", "));
        String gone = then.stream().filter(col -> !now.contains(col)).map(TableColumn::toString).collect(Collectors.joining(", "));
        throw new UsageException("table " + entry.table() + " has changed since the snapshot"
                + (gone.isEmpty() ? "" : "; the snapshot has " + gone)
                + (added.isEmpty() ? "" : "; the table now has " + added)
                + ": rows cannot be put back exactly, so nothing was restored; take a new snapshot with "
                + "'dbsim snapshot take --replace'");
    }

    static List<String> notes(Connection c, SnapshotManifest manifest) throws SQLException {
        List<String> notes = new ArrayList<>();
        SchemaHistory now = SchemaHistory.read(c).orElse(null);
        if (!Objects.equals(now, manifest.history())) {
            notes.add("the schema history changed since the snapshot (" + describe(manifest.history()) + " then, "
                    + describe(now) + " now); the tables' columns are as they were, so the rows were restored by column name "
                    + "under today's indexes and constraints");
        }
        if (!manifest.explicitTables()) {
            Set<TableName> held = manifest.tables().stream().map(SnapshotEntry::table).collect(Collectors.toSet());
            List<String> added = TableCatalog.defaults(c).stream().filter(t -> !held.contains(t)).map(TableName::toString).toList();
            if (!added.isEmpty()) {
                notes.add("left alone, created after the snapshot: " + String.join(", ", added));
            }
        }
        return notes;
    }

    private static String describe(SchemaHistory history) {
        return history == null ? "no Flyway history" : history.toString();
    }

    static boolean ownsAll(Connection c, List<TableName> tables) throws SQLException {
        for (TableName table : tables) {
            if (!TableCatalog.owned(c, table)) {
                return false;
            }
        }
        return true;
    }

    /** A role that does not own the tables restores with table privileges, keeping indexes and keys in place. */
    static void refuseWithoutPrivileges(Connection c, List<TableName> tables) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(to_regclass(?), ?)")) {
            for (TableName table : tables) {
                for (String privilege : List.of("SELECT", "INSERT", "TRUNCATE")) {
                    ps.setString(1, table.sql());
                    ps.setString(2, privilege);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        if (!rs.getBoolean(1)) {
                            throw new UsageException("restoring " + table + " needs the " + privilege + " privilege on it: GRANT "
                                    + privilege + " ON " + table.sql() + " TO " + currentUser(c) + ", or restore as its owner");
                        }
                    }
                }
            }
        }
        List<String> triggers = TableCatalog.enabledUserTriggers(c, tables);
        if (!triggers.isEmpty()) {
            throw new UsageException("triggers would fire on every restored row (" + String.join(", ", triggers)
                    + ") and only the tables' owner can switch them off for the restore: restore as the owner");
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT quote_ident(current_user)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
