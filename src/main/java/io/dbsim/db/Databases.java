package io.dbsim.db;

import io.dbsim.UsageException;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** The one place that decides which PostgreSQL dbsim talks to, starts it when it is ours, and checks it answers. */
public final class Databases {

    private Databases() {
    }

    public static Database open(DatabaseRequest request) {
        Database database = switch (request.resolvedKind()) {
            case URL -> existing(request);
            case EMBEDDED -> EmbeddedDatabase.start();
            case CONTAINER -> container();
            case AUTO -> throw new IllegalStateException("resolvedKind never returns AUTO");
        };
        try {
            checkReachable(database.connection());
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        return database;
    }

    /** Checked here, before ContainerDatabase is linked: its Testcontainers types may be missing from the jar. */
    private static Database container() {
        ContainerLibraries.require(Databases.class.getClassLoader());
        return ContainerDatabase.start();
    }

    private static Database existing(DatabaseRequest request) {
        String url = request.jdbcUrl();
        if (url == null || url.isBlank()) {
            throw new UsageException("--db url needs --jdbc-url (or DBSIM_JDBC_URL, or libpq's PGHOST, PGDATABASE, ...), "
                    + "e.g. jdbc:postgresql://localhost:5432/app");
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new UsageException("--jdbc-url must be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/app, got '"
                    + ConnectionInfo.redact(url.length() > 60 ? url.substring(0, 60) + "..." : url) + "'");
        }
        String user = request.user() == null || request.user().isBlank() ? System.getProperty("user.name") : request.user();
        return new ExistingDatabase(new ConnectionInfo(url, user, request.password(), request.applicationName(), request.source()));
    }

    /** Opens one connection so that a wrong host or password fails here, with a clear line, before any work. */
    public static void checkReachable(ConnectionInfo info) {
        try (Connection c = info.open()) {
            DatabaseMetaData meta = c.getMetaData();
            if (!"PostgreSQL".equalsIgnoreCase(meta.getDatabaseProductName())) {
                throw new UsageException("the server at " + info.hostAndDatabase() + " is "
                        + meta.getDatabaseProductName() + ", not PostgreSQL");
            }
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, info);
        }
    }
}
