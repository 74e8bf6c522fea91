package io.dbsim.db;

import io.dbsim.DbsimException;

import java.io.PrintWriter;
import java.io.Writer;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A snapshot of a database's data tables, kept inside the database in the schema {@value #SCHEMA}: one copy of
 * each table, its columns and rows, the sequences' values and the schema history, so that the data can be put back
 * exactly before a run, without disconnecting anyone and without more than table privileges.
 *
 * <p>Disk: the copies take about the tables' heap size (no indexes): 3 MB for the small seed, 157 MB for medium
 * (whose tables with their indexes take 203 MB).
 */
public final class DataSnapshot {

    public static final String SCHEMA = "dbsim_snapshot";
    static final String APPLICATION = "dbsim-snapshot";
    static final int LOCK_TIMEOUT_SECONDS = 30;

    private final ConnectionInfo db;

    public DataSnapshot(ConnectionInfo db) {
        this.db = db;
    }

    /** Restores the snapshot when there is one, reloading only the tables that changed; empty when there is none. */
    public static Optional<RestoreResult> restoreIfPresent(ConnectionInfo db, PrintWriter progress) {
        DataSnapshot snapshot = new DataSnapshot(db);
        if (!snapshot.exists()) {
            return Optional.empty();
        }
        RestoreResult result = snapshot.restore(false, new PrintWriter(Writer.nullWriter()));
        progress.println(result.summary());
        result.notes().forEach(note -> progress.println("  note: " + note));
        progress.flush();
        return Optional.of(result);
    }

    /** Takes a snapshot of the chosen tables; an existing snapshot is replaced only when {@code replace}. */
    public SnapshotTaken take(TableChoice tables, String origin, boolean replace, PrintWriter progress) {
        return new SnapshotTake(db, progress).take(tables, origin, replace);
    }

    /** Puts the snapshot's rows and sequence values back: every table when {@code everything}, else the changed ones. */
    public RestoreResult restore(boolean everything, PrintWriter progress) {
        return new SnapshotRestore(db, progress).restore(everything);
    }

    /** Removes the snapshot; false when there was none. */
    public boolean drop() {
        try (Connection c = db.open(APPLICATION); Statement s = c.createStatement()) {
            boolean existed = SnapshotManifest.schemaExists(c);
            s.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
            return existed;
        } catch (SQLException e) {
            throw failure("snapshot drop failed", e, db);
        }
    }

    public boolean exists() {
        try (Connection c = db.open(APPLICATION)) {
            return SnapshotManifest.exists(c);
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, db);
        }
    }

    /** The snapshot and, for each of its tables, whether a restore would reload it now; empty when there is none. */
    public Optional<SnapshotStatus> status() {
        try (Connection c = db.open(APPLICATION)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            Optional<SnapshotManifest> found = SnapshotManifest.read(c);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            SnapshotManifest manifest = found.get();
            List<SnapshotStatus.TableState> tables = new ArrayList<>();
            for (SnapshotEntry entry : manifest.tables()) {
                SnapshotStatus.State state = !TableCatalog.exists(c, entry.table()) ? SnapshotStatus.State.MISSING
                        : entry.fingerprint().matches(c, entry.table()) ? SnapshotStatus.State.UNCHANGED
                        : SnapshotStatus.State.CHANGED;
                tables.add(new SnapshotStatus.TableState(entry.table(), entry.rows(), state));
            }
            long bytes = SnapshotTake.bytes(c);
            c.rollback();
            return Optional.of(new SnapshotStatus(manifest.takenAt(), manifest.origin(), manifest.history(), tables,
                    manifest.sequences().size(), bytes));
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, db);
        }
    }

    /** One line naming what failed, with the server's reason; a lock wait says who to look for. */
    static DbsimException failure(String what, SQLException e, ConnectionInfo db) {
        if ("55P03".equals(e.getSQLState())) {
            return new DbsimException(what + ": waited " + LOCK_TIMEOUT_SECONDS + " s for a lock another session holds on "
                    + "the tables: end that session's transaction (see pg_stat_activity) and try again", e);
        }
        return new DbsimException(what + ": " + DatabaseErrors.explain(e, db).getMessage(), e);
    }
}
