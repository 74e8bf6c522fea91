package io.dbsim.db;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Puts the snapshot's rows back in one transaction: lock the tables against writes, check them (RestoreChecks),
 * find the ones whose rows changed (and the tables referencing them, which TRUNCATE must empty with them), empty
 * those together, reload each from its copy with COPY FREEZE, rebuild indexes and keys, ANALYZE, set the sequences
 * back, commit; then VACUUM. Any failure before the commit rolls all of it back: the data is as it was before.
 *
 * <p>Indexes and constraints are taken as they are now, so a schema change that only adds or drops indexes (what
 * {@code dbsim ab} tests) is restored onto without question. One instance serves one restore.
 */
final class SnapshotRestore {

    private final ConnectionInfo db;
    private final PrintWriter progress;
    /** What the restore is doing, for the message if it fails there. */
    private String at = "reading the snapshot";

    SnapshotRestore(ConnectionInfo db, PrintWriter progress) {
        this.db = db;
        this.progress = progress;
    }

    /** The reload's own figures: tables with their rows and time, the tables maintained, and where the time went. */
    private record Reload(List<RestoreResult.TableLoad> loads, List<TableName> maintained, Duration load, Duration rebuild,
                          Duration analyze) {
        static final Reload NOTHING = new Reload(List.of(), List.of(), Duration.ZERO, Duration.ZERO, Duration.ZERO);
    }

    RestoreResult restore(boolean everything) {
        long start = System.nanoTime();
        try (Connection w = db.open(DataSnapshot.APPLICATION); Connection r = db.open(DataSnapshot.APPLICATION)) {
            try (Statement s = r.createStatement()) {
                // A synchronised scan may start mid-table; the rows go back in their physical order.
                s.execute("SET synchronize_seqscans = off");
            }
            w.setAutoCommit(false);
            execute(w, "SET LOCAL lock_timeout = '" + DataSnapshot.LOCK_TIMEOUT_SECONDS + "s'");
            execute(w, "SET LOCAL maintenance_work_mem = '256MB'");
            SnapshotManifest manifest = SnapshotManifest.read(w).orElseThrow(() -> new UsageException(
                    "no data snapshot in " + db.hostAndDatabase() + ": take one with 'dbsim snapshot take' (or 'dbsim seed')"));
            List<TableName> all = manifest.tables().stream().map(SnapshotEntry::table).toList();
            RestoreChecks.refuseMissing(w, manifest);
            at = "locking the tables";
            execute(w, "LOCK TABLE " + join(all) + " IN EXCLUSIVE MODE");
            at = "comparing the tables with the snapshot";
            for (SnapshotEntry entry : manifest.tables()) {
                RestoreChecks.refuseChangedColumns(w, entry);
            }
            List<String> notes = new ArrayList<>(RestoreChecks.notes(w, manifest));
            List<TableName> toRestore = toRestore(w, manifest, everything);
            Reload reload = toRestore.isEmpty() ? Reload.NOTHING : reload(r, w, manifest, toRestore, notes);
            for (SequenceValue value : ownedFirst(w, manifest.sequences())) {
                at = "sequence " + value.sequence();
                value.restore(w, TableCatalog.owned(w, value.sequence()));
            }
            at = "commit";
            w.commit();
            long vacuumStart = System.nanoTime();
            TableMaintenance.vacuum(w, reload.maintained(), notes);
            Duration vacuum = Duration.ofNanos(System.nanoTime() - vacuumStart);
            return new RestoreResult(reload.loads(), all.stream().filter(t -> !toRestore.contains(t)).toList(),
                    manifest.sequences().size(), new RestoreResult.Phases(reload.load(), reload.rebuild(), reload.analyze(),
                    vacuum, Duration.ofNanos(System.nanoTime() - start)), notes);
        } catch (SQLException e) {
            throw DataSnapshot.failure("snapshot restore failed at " + at + ("commit".equals(at)
                    ? "; whether it took effect is unknown: see 'dbsim snapshot status'" : "; nothing was changed"), e, db);
        }
    }

    /** The tables whose rows changed, with every snapshot table referencing them, parents first. */
    private List<TableName> toRestore(Connection w, SnapshotManifest manifest, boolean everything) throws SQLException {
        List<TableName> all = manifest.tables().stream().map(SnapshotEntry::table).toList();
        List<TableName> changed = new ArrayList<>();
        for (SnapshotEntry entry : manifest.tables()) {
            if (everything || !entry.fingerprint().matches(w, entry.table())) {
                changed.add(entry.table());
            }
        }
        ForeignKeys keys = ForeignKeys.read(w);
        Set<TableName> closure = keys.withReferencing(changed, all);
        List<TableName> toRestore = keys.parentsFirst(all.stream().filter(closure::contains).toList());
        keys.fromOutside(toRestore).stream().findFirst().ifPresent(ref -> {
            throw new UsageException(ref.child() + " (not in the snapshot) has a foreign key to " + ref.parent() + ", so "
                    + ref.parent() + " cannot be emptied: take a new snapshot that includes " + ref.child()
                    + " ('dbsim snapshot take --replace'), or drop that key");
        });
        return toRestore;
    }

    private Reload reload(Connection r, Connection w, SnapshotManifest manifest, List<TableName> tables, List<String> notes)
            throws SQLException {
        boolean owner = RestoreChecks.ownsAll(w, tables);
        if (!owner) {
            RestoreChecks.refuseWithoutPrivileges(w, tables);
        }
        at = "reading the indexes and keys to rebuild";
        long t0 = System.nanoTime();
        RebuildPlan plan = owner ? RebuildPlan.discover(w, tables) : new RebuildPlan(List.of(), List.of());
        for (RebuildPlan.Step step : plan.before()) {
            at = step.table() + " (dropping its indexes and keys for the load)";
            execute(w, step.sql());
        }
        at = "emptying the tables";
        execute(w, "TRUNCATE " + join(tables));
        long t1 = System.nanoTime();
        List<RestoreResult.TableLoad> loads = new ArrayList<>();
        for (TableName table : tables) {
            at = table.toString();
            loads.add(load(r, w, manifest.tables().stream().filter(e -> e.table().equals(table)).findFirst().orElseThrow()));
        }
        long t2 = System.nanoTime();
        for (RebuildPlan.Step step : plan.after()) {
            at = step.table() + " (rebuilding its indexes and keys)";
            execute(w, step.sql());
        }
        long t3 = System.nanoTime();
        at = "ANALYZE";
        List<TableName> maintained = TableMaintenance.analyze(w, tables, owner, notes);
        long t4 = System.nanoTime();
        at = "recording the tables' fingerprints";
        for (RestoreResult.TableLoad load : loads) {
            SnapshotManifest.recordFingerprint(w, load.table(), TableFingerprint.writtenNow(w, load.rows()));
        }
        return new Reload(loads, maintained, Duration.ofNanos(t2 - t1), Duration.ofNanos((t1 - t0) + (t3 - t2)),
                Duration.ofNanos(t4 - t3));
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

    /** Sequences the role owns are set back inside the transaction; the others (setval alone) last, just before commit. */
    private static List<SequenceValue> ownedFirst(Connection c, List<SequenceValue> sequences) throws SQLException {
        List<SequenceValue> owned = new ArrayList<>();
        List<SequenceValue> notOwned = new ArrayList<>();
        for (SequenceValue value : sequences) {
            (TableCatalog.owned(c, value.sequence()) ? owned : notOwned).add(value);
        }
        owned.addAll(notOwned);
        return owned;
    }

    private static String join(List<TableName> tables) {
        return String.join(", ", tables.stream().map(TableName::sql).toList());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
