package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.DataSnapshot;
import io.dbsim.db.Database;
import io.dbsim.db.TableChoice;
import io.dbsim.seed.DomainTables;
import io.dbsim.seed.SeedProfile;
import io.dbsim.seed.SeedResult;
import io.dbsim.seed.Seeder;

import java.io.PrintWriter;

/** Runs a seed for a command, and tells the user how to recover if the process is stopped half-way. */
final class SeedRun {

    private SeedRun() {
    }

    static int workers(Integer jobs) {
        if (jobs == null) {
            return Math.max(2, Runtime.getRuntime().availableProcessors());
        }
        if (jobs < 1) {
            throw new UsageException("--jobs must be 1 or more, got " + jobs);
        }
        return jobs;
    }

    static SeedResult seed(Database db, SeedProfile profile, long seed, boolean reset, int workers,
                           int progressSeconds, PrintWriter progress) {
        return seed(db, profile, seed, reset, workers, progressSeconds, true, progress);
    }

    /** With {@code snapshot}, the seeded tables are snapshotted at the end, so runs can start from this very data. */
    static SeedResult seed(Database db, SeedProfile profile, long seed, boolean reset, int workers,
                           int progressSeconds, boolean snapshot, PrintWriter progress) {
        SeedResult result = load(db, profile, seed, reset, workers, progressSeconds, progress);
        if (snapshot) {
            progress.println(new DataSnapshot(db.connection()).take(new TableChoice(DomainTables.ALL),
                    "dbsim seed (profile " + profile.name() + ", seed " + seed + ")", true, progress).summary());
        } else {
            progress.println("snapshot: none taken (--no-snapshot); 'dbsim snapshot take' takes one later");
        }
        progress.flush();
        return result;
    }

    private static SeedResult load(Database db, SeedProfile profile, long seed, boolean reset, int workers,
                                   int progressSeconds, PrintWriter progress) {
        if (progressSeconds < 1) {
            throw new UsageException("--progress must be at least 1 second, got " + progressSeconds);
        }
        progress.printf("seed: profile %s, seed %d, %d parallel connections%n", profile.name(), seed, workers);
        progress.flush();
        Thread warning = new Thread(() -> {
            progress.println("dbsim: seed interrupted; the database is marked as an incomplete seed: "
                    + "run 'dbsim seed --reset' to clean it");
            progress.flush();
        });
        Runtime.getRuntime().addShutdownHook(warning);
        try {
            return new Seeder(db.connection(), progress, workers, progressSeconds * 1000L).seed(profile, seed, reset);
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(warning);
            } catch (IllegalStateException alreadyShuttingDown) {
                // The hook is running: it prints the warning, which is what we want.
            }
        }
    }
}
