package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.EmbeddedDatabase;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One real PostgreSQL (dbsim's embedded one) for the whole test run; each test gets a fresh
 * database on it, so tests do not see each other's rows.
 */
public final class TestPostgres {

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static EmbeddedDatabase server;

    private TestPostgres() {
    }

    public static synchronized ConnectionInfo server() {
        if (server == null) {
            server = EmbeddedDatabase.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        }
        return server.connection();
    }

    /** A new, empty database on the shared server. */
    public static ConnectionInfo newDatabase(String purpose) {
        ConnectionInfo admin = server();
        String name = purpose.toLowerCase().replaceAll("[^a-z0-9]", "_") + "_" + COUNTER.incrementAndGet();
        execute(admin, "CREATE DATABASE " + name);
        return new ConnectionInfo(admin.jdbcUrl().replaceFirst("/dbsim(\\?|$)", "/" + name + "$1"), admin.user(), "");
    }

    public static void execute(ConnectionInfo db, String... statements) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
