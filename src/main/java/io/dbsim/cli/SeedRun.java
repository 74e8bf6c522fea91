package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.Database;
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
