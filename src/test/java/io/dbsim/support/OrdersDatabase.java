package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Migrator;

import java.util.List;

/** A fresh database on the test server with the example shop's schema and data (schema/examples/orders), not dbsim's. */
public final class OrdersDatabase {

    public static final String MIGRATIONS = "schema/examples/orders/migrations";
    public static final String CANDIDATES = "schema/examples/orders/candidates";
    public static final String WORKLOAD = "workloads/orders.yaml";

    private OrdersDatabase() {
    }

    public static ConnectionInfo create(String purpose) {
        ConnectionInfo db = TestPostgres.newDatabase(purpose);
        Migrator.ofOwnSchema(db).migrate(List.of(MIGRATIONS));
        return db;
    }
}
