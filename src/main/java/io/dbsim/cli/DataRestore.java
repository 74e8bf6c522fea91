package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DataSnapshot;
import io.dbsim.experiment.BeforeRun;

import java.io.PrintWriter;

/**
 * Putting the data back before a run, as the commands offer it: `run --restore` asks for it (and a missing snapshot is
 * an error), sweep and ab do it before every run by default when the database has a snapshot (`--no-restore` keeps
 * the growth when growth is what is studied), and say once when it has none.
 */
final class DataRestore {

    private DataRestore() {
    }

    /** For `run --restore`: restores now, or explains how to take the snapshot it needs. */
    static void required(ConnectionInfo db, PrintWriter err) {
        if (DataSnapshot.restoreIfPresent(db, err).isEmpty()) {
            throw new DbsimException("--restore: " + db.hostAndDatabase() + " has no snapshot to restore: 'dbsim seed' takes one, "
                    + "or 'dbsim snapshot take' for data you loaded yourself");
        }
    }

    /**
     * For an experiment whose workload reads values from the data while it is prepared (a workload file's sample:
     * columns): a restore before they are read, so they name rows every run will have. Decided when it runs, since a
     * fresh database gets its snapshot while it is prepared. The experiment's first run restores again: one restore
     * more, for data that stays right.
     */
    static BeforeRun firstIfRead(WorkloadSource source, ConnectionInfo db, boolean skip, PrintWriter err) {
        return source.readsData() && !skip ? label -> beforeEachRun(db, false, err).prepare(label) : BeforeRun.NOTHING;
    }

    /** Before every run of an experiment, unless {@code skip}; a missing snapshot is said once, not refused. */
    static BeforeRun beforeEachRun(ConnectionInfo db, boolean skip, PrintWriter err) {
        if (skip) {
            return BeforeRun.NOTHING;
        }
        if (!new DataSnapshot(db).exists()) {
            err.println("data: " + db.hostAndDatabase() + " has no snapshot, so runs write into the data the next one measures "
                    + "('dbsim snapshot take' keeps one; --no-restore silences this)");
            err.flush();
            return BeforeRun.NOTHING;
        }
        return label -> {
            err.print(label + ": ");
            try {
                DataSnapshot.restoreIfPresent(db, err);
            } catch (UsageException | DbsimException e) {
                err.println("data not restored (" + e.getMessage() + "); this run measures the data as the last one left it");
            }
            err.flush();
        };
    }
}
