package io.dbsim.db;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Puts the snapshot's rows back in one transaction: lock the tables against writes, check they still have the
 * snapshot's columns, find the ones whose rows changed (and the tables that reference them, which TRUNCATE must
 * empty with them), empty those together, reload each from its copy with COPY FREEZE, rebuild indexes and keys,
 * ANALYZE, set the sequences back, commit. Any failure rolls all of it back: the data is as it was before.
 *
 * <p>Restoring by column name is exact when a table has the same columns (names, types and generation
 * expressions) as at the snapshot, whatever their order; anything else is refused, naming the table and the
 * columns. Indexes and constraints are taken as they are now, so a schema change that only adds or drops indexes
 * (what {@code dbsim ab} tests) is restored onto without question.
 */
final class SnapshotRestore {

    private final ConnectionInfo db;
    private final PrintWriter progress;

    SnapshotRestore(ConnectionInfo db, PrintWriter progress) {
        this.db = db;
        this.progress = progress;
    }

    RestoreResult restore(boolean everything) {
        long start = System.nanoTime();
        String at = "reading the snapshot";
        try (Connection w = db.open(DataSnapshot.APPLICATION); Connection r = db.open(DataSnapshot.APPLICATION)) {
            try (Statement s = r.createStatement()) {
                // A synchronised scan may start mid-table; the rows go back in their physical order.
                s.execute("SET synchronize_seqscans = off");
            }
            w.setAutoCommit(false);
            try (Statement s = w.createStatement()) {
                s.execute("SET LOCAL lock_timeout = '" + DataSnapshot.LOCK_TIMEOUT_SECONDS + "s'");
                s.execute("SET LOCAL maintenance_work_mem = '256MB'");
            }
            SnapshotManifest manifest = SnapshotManifest.read(w).orElseThrow(() -> new UsageException(
                    "no data snapshot in " + db.hostAndDatabase() + ": take one with 'dbsim snapshot take' (or 'dbsim seed')"));
            List<TableName> all = manifest.tables().stream().map(SnapshotEntry::table).toList();
            for (TableName table : all) {
                if (!TableCatalog.exists(w, table)) {
                    throw new UsageException("table " + table + " in the snapshot no longer exists: create it again, or take a "
                            + "new snapshot with 'dbsim snapshot take --replace'");
                }
            }
            at = "locking the tables";
            execute(w, "LOCK TABLE " + String.join(", ", all.stream().map(TableName::sql).toList()) + " IN EXCLUSIVE MODE");
            at = "comparing the tables with the snapshot";
            for (SnapshotEntry entry : manifest.tables()) {
                refuseChangedColumns(w, entry);
            }
            List<String> notes = notes(w, manifest);
            ForeignKeys keys = ForeignKeys.read(w);
            List<TableName> changed = new ArrayList<>();
            for (SnapshotEntry entry : manifest.tables()) {
                if (everything || !entry.fingerprint().matches(w, entry.table())) {
                    changed.add(entry.table());
                }
            }
            Set<TableName> closure = keys.withReferencing(changed, all);
            List<TableName> toRestore = keys.parentsFirst(all.stream().filter(closure::contains).toList());
            keys.fromOutside(toRestore).stream().findFirst().ifPresent(ref -> {
                throw new UsageException(ref.child() + " (not in the snapshot) has a foreign key to " + ref.parent() + ", so "
                        + ref.parent() + " cannot be emptied: take a new snapshot that includes " + ref.child()
                        + " ('dbsim snapshot take --replace'), or drop that key");
            });
            boolean owner = ownsAll(w, toRestore);
            if (!owner) {
                refuseWithoutPrivileges(w, toRestore);
            }
            List<RestoreResult.TableLoad> loads = new ArrayList<>();
            List<TableName> maintained = new ArrayList<>();
            long loadNanos = 0;
            long rebuildNanos = 0;
            long analyzeNanos = 0;
            if (!toRestore.isEmpty()) {
                at = "reading the indexes and keys to rebuild";
                long t0 = System.nanoTime();
                RebuildPlan plan = owner ? RebuildPlan.discover(w, toRestore) : new RebuildPlan(List.of(), List.of());
                for (RebuildPlan.Step step : plan.before()) {
                    at = step.table() + " (dropping its indexes and keys for the load)";
                    execute(w, step.sql());
                }
                at = "emptying the tables";
                execute(w, "TRUNCATE " + String.join(", ", toRestore.stream().map(TableName::sql).toList()));
                long t1 = System.nanoTime();
                for (TableName table : toRestore) {
                    at = table.toString();
                    loads.add(load(r, w, entryOf(manifest, table)));
                }
                long t2 = System.nanoTime();
                for (RebuildPlan.Step step : plan.after()) {
                    at = step.table() + " (rebuilding its indexes and keys)";
                    execute(w, step.sql());
                }
                long t3 = System.nanoTime();
                at = "ANALYZE";
                maintained.addAll(analyze(w, toRestore, owner, notes));
                long t4 = System.nanoTime();
                loadNanos = t2 - t1;
                rebuildNanos = (t1 - t0) + (t3 - t2);
                analyzeNanos = t4 - t3;
                for (RestoreResult.TableLoad load : loads) {
                    SnapshotManifest.recordFingerprint(w, load.table(), TableFingerprint.writtenNow(w, load.rows()));
                }
            }
            at = "setting the sequences back";
            restoreSequences(w, manifest.sequences());
            at = "commit";
            w.commit();
            long vacuumStart = System.nanoTime();
            vacuum(w, maintained, notes);
            long vacuumNanos = System.nanoTime() - vacuumStart;
            List<TableName> unchanged = all.stream().filter(t -> !closure.contains(t)).toList();
            return new RestoreResult(loads, unchanged, manifest.sequences().size(), new RestoreResult.Phases(
                    Duration.ofNanos(loadNanos), Duration.ofNanos(rebuildNanos), Duration.ofNanos(analyzeNanos),
                    Duration.ofNanos(vacuumNanos), Duration.ofNanos(System.nanoTime() - start)), notes);
        } catch (SQLException e) {
            throw DataSnapshot.failure("snapshot restore failed at " + at + "; nothing was changed", e, db);
        }
    }

    private RestoreResult.TableLoad load(Connection r, Connection w, SnapshotEntry entry) throws SQLException {
        long start = System.nanoTime();
        long rows = TableCopier.copy(r, entry.copy(), w, entry.table(), entry.copiedColumns());
        if (rows != entry.rows()) {
            throw new DbsimException(String.format(Locale.ROOT, "snapshot restore failed at %s; nothing was changed: its copy %s "
                    + "holds %,d rows where the snapshot recorded %,d (the copies are unlogged, so a server crash empties them): "
                    + "take a new snapshot", entry.table(), entry.copy(), rows, entry.rows()));
        }
        Duration time = Duration.ofNanos(System.nanoTime() - start);
        progress.printf(Locale.ROOT, "restore: %s %,d rows (%.1f s)%n", entry.table(), rows, time.toMillis() / 1000.0);
        progress.flush();
        return new RestoreResult.TableLoad(entry.table(), rows, time);
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static SnapshotEntry entryOf(SnapshotManifest manifest, TableName table) {
        return manifest.tables().stream().filter(e -> e.table().equals(table)).findFirst().orElseThrow();
    }

    private static void refuseChangedColumns(Connection c, SnapshotEntry entry) throws SQLException {
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

    private static List<String> notes(Connection c, SnapshotManifest manifest) throws SQLException {
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

    private static boolean ownsAll(Connection c, List<TableName> tables) throws SQLException {
        for (TableName table : tables) {
            if (!TableCatalog.owned(c, table)) {
                return false;
            }
        }
        return true;
    }

    /** A role that does not own the tables restores with table privileges, keeping indexes and keys in place. */
    private static void refuseWithoutPrivileges(Connection c, List<TableName> tables) throws SQLException {
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

    /** ANALYZE needs the owner, or on PostgreSQL 17 and later the MAINTAIN privilege; without either, the note says so. */
    private static List<TableName> analyze(Connection c, List<TableName> tables, boolean owner, List<String> notes)
            throws SQLException {
        List<TableName> allowed = new ArrayList<>();
        for (TableName table : tables) {
            if (owner || TableCatalog.owned(c, table) || maintainable(c, table)) {
                allowed.add(table);
            }
        }
        if (!allowed.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + String.join(", ", allowed.stream().map(TableName::sql).toList()));
            }
        }
        List<String> skipped = tables.stream().filter(t -> !allowed.contains(t)).map(TableName::toString).toList();
        if (!skipped.isEmpty()) {
            notes.add("planner statistics not refreshed for " + String.join(", ", skipped) + ": ANALYZE needs the table owner "
                    + "or, on PostgreSQL 17 and later, GRANT MAINTAIN");
        }
        return allowed;
    }

    /**
     * The reloaded rows are frozen and all-visible already, so this VACUUM only reads the visibility map (50 ms on the
     * medium seed); it clears the tables' count of inserts, so autovacuum does not visit them during the next run.
     * The data is restored by then: a failure here is a note, not an error.
     */
    private static void vacuum(Connection c, List<TableName> tables, List<String> notes) {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM " + String.join(", ", tables.stream().map(TableName::sql).toList()));
        } catch (SQLException e) {
            notes.add("VACUUM after the restore failed (" + DatabaseErrors.firstLine(e.getMessage())
                    + "); autovacuum may visit the restored tables during the next run");
        }
    }

    private static boolean maintainable(Connection c, TableName table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            if (Integer.parseInt(rs.getString(1)) < 170000) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(to_regclass(?), 'MAINTAIN')")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Sequences the role owns are set back inside the transaction; the others (setval alone) last, just before commit. */
    private static void restoreSequences(Connection c, List<SequenceValue> sequences) throws SQLException {
        List<SequenceValue> notOwned = new ArrayList<>();
        for (SequenceValue value : sequences) {
            if (TableCatalog.owned(c, value.sequence())) {
                value.restore(c, true);
            } else {
                notOwned.add(value);
            }
        }
        for (SequenceValue value : notOwned) {
            value.restore(c, false);
        }
    }

    private static String currentUser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT quote_ident(current_user)")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
