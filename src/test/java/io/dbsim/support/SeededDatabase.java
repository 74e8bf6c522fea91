package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Migrator;
import io.dbsim.seed.SeedProfiles;
import io.dbsim.seed.Seeder;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** A fresh database on the test server, migrated and seeded with the small profile. */
public final class SeededDatabase {

    private SeededDatabase() {
    }

    public static ConnectionInfo create(String purpose) {
        ConnectionInfo db = TestPostgres.newDatabase(purpose);
        new Migrator(db).migrate(List.of());
        new Seeder(db, new PrintWriter(new StringWriter()), 2, 60_000).seed(SeedProfiles.load("small"), 42, false);
        return db;
    }
}
