package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.Migrator;
import io.dbsim.seed.SeedProfiles;
import io.dbsim.seed.SeedState;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The checks and preparation every command that loads a database with users does first (run, sweep). */
final class RunTarget {

    private RunTarget() {
    }

    /** Refuses a target that looks like production unless --force: load tests do not belong there. */
    static void refuseProductionLooking(DatabaseOptions options, boolean force) {
        refuseProductionLooking(options, force, "load", "run simulated users against it");
    }

    /** The same refusal for other commands that change the data: "refusing to {verb} X ... if you really mean to {what}". */
    static void refuseProductionLooking(DatabaseOptions options, boolean force, String verb, String what) {
        if (force || options.request().resolvedKind() != DatabaseKind.URL) {
            return;
        }
        ConnectionInfo connection = new ConnectionInfo(options.request().jdbcUrl(), null, null);
        String target = connection.hostAndDatabase().toLowerCase(Locale.ROOT);
        String dbName = target.contains("/") ? target.substring(target.indexOf('/') + 1) : "";
        boolean localHost = ConnectionInfo.isLocal(target);
        boolean testName = dbName.matches(".*(test|dev|local|bench|sim|demo|load|stag|qa|perf|scratch).*");
        if (!localHost && !testName) {
            throw new UsageException("refusing to " + verb + " " + connection.hostAndDatabase() + ", which does not look like a "
                    + "local or test database: add --force if you really mean to " + what);
        }
    }

    /** An empty embedded server is migrated and seeded first; a given server must hold a complete seed. */
    static void prepareData(Database db, DatabaseOptions options, long seed, PrintWriter err) {
        Optional<SeedState> state;
        try (Connection c = db.connection().open()) {
            state = SeedState.read(c);
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, db.connection());
        }
        if (state.isPresent() && state.get().complete()) {
            return;
        }
        if (state.isPresent()) {
            throw new DbsimException("the database holds an incomplete seed: run 'dbsim seed --reset' first");
        }
        if (options.request().resolvedKind() == DatabaseKind.URL) {
            throw new DbsimException("the database has not been seeded by dbsim: run 'dbsim seed' (it migrates too) first");
        }
        err.println("fresh database: migrating and seeding the small profile first");
        err.flush();
        new Migrator(db.connection()).migrate(List.of());
        SeedRun.seed(db, SeedProfiles.load("small"), seed, false, SeedRun.workers(null), 5, err);
    }
}
