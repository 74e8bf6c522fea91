package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.DatabaseRequest;
import io.dbsim.db.Migrator;
import io.dbsim.seed.SeedProfiles;
import io.dbsim.seed.SeedState;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * The checks and preparation every command that loads a database with users does first (run, sweep, ab);
 * seed --reset shares the production guard.
 */
final class RunTarget {

    private RunTarget() {
    }

    /** Refuses a target that looks like production unless --force: load tests do not belong there. */
    static void refuseProductionLooking(DatabaseOptions options, boolean force) {
        refuseUnlessTestLike(options, force, "load", "run simulated users against it");
    }

    /** Refuses to empty a target that looks like production unless --force: seed --reset truncates with CASCADE. */
    static void refuseResetOfProductionLooking(DatabaseOptions options, boolean force) {
        refuseUnlessTestLike(options, force, "reset", "empty its tables (TRUNCATE ... CASCADE) and seed it");
    }

    /** The same refusal for other commands that change the data: "refusing to {verb} X ... if you really mean to {meaning}". */
    static void refuseUnlessTestLike(DatabaseOptions options, boolean force, String verb, String meaning) {
        DatabaseRequest request = options.request();
        if (force || request.resolvedKind() != DatabaseKind.URL || TargetNames.of(request.jdbcUrl()).localOrTestLike()) {
            return;
        }
        throw new UsageException("refusing to " + verb + " " + new ConnectionInfo(request.jdbcUrl(), null, null).hostAndDatabase()
                + ", which does not look like a local or test database (no word such as test, dev, qa or staging in its "
                + "database or host name): add --force if you really mean to " + meaning);
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
