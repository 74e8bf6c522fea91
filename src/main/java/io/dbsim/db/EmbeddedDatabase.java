package io.dbsim.db;

import io.dbsim.DbsimException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A throwaway PostgreSQL from Maven Central's binaries, on a free loopback port, with
 * pg_stat_statements preloaded; its data directory is removed when it is closed or the JVM exits.
 */
public final class EmbeddedDatabase implements Database {

    static final String DATABASE = "dbsim";
    private static final String SUPERUSER = "postgres";

    private final EmbeddedPostgres postgres;
    private final ConnectionInfo connection;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.connection = new ConnectionInfo(postgres.getJdbcUrl(SUPERUSER, DATABASE), SUPERUSER, "");
    }

    public static EmbeddedDatabase start() {
        refuseRoot();
        EmbeddedPostgres postgres;
        try {
            postgres = EmbeddedPostgres.builder()
                    .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                    .setServerConfig("pg_stat_statements.track", "all")
                    .setServerConfig("max_connections", "500")
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setCleanDataDirectory(true)
                    .setDataDirectoryCustomizer(EmbeddedDatabase::requirePasswordsForOtherRoles)
                    .setRegisterShutdownHook(true)
                    .start();
        } catch (IOException | RuntimeException e) {
            throw new DbsimException("could not start the embedded PostgreSQL (" + rootCause(e)
                    + "): check free space in " + System.getProperty("java.io.tmpdir")
                    + ", or give --jdbc-url for an existing server", e);
        }
        createDatabase(postgres);
        return new EmbeddedDatabase(postgres);
    }

    /**
     * initdb's default trusts every local login. dbsim's own superuser stays trusted on loopback;
     * any other role must give its password, as on a real server, so password handling is real.
     */
    private static void requirePasswordsForOtherRoles(File dataDirectory) {
        String hba = String.join("\n",
                "local all all trust",
                "host all " + SUPERUSER + " 127.0.0.1/32 trust",
                "host all " + SUPERUSER + " ::1/128 trust",
                "host all all 127.0.0.1/32 scram-sha-256",
                "host all all ::1/128 scram-sha-256", "");
        try {
            Files.writeString(dataDirectory.toPath().resolve("pg_hba.conf"), hba);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void createDatabase(EmbeddedPostgres postgres) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            closeQuietly(postgres);
            throw new DbsimException("the embedded PostgreSQL started but refused CREATE DATABASE: " + e.getMessage(), e);
        }
    }

    /** initdb and postgres refuse uid 0; say how to get round it instead of letting initdb fail obscurely. */
    private static void refuseRoot() {
        Object uid;
        try {
            uid = Files.getAttribute(Path.of("/proc/self"), "unix:uid");
        } catch (IOException | UnsupportedOperationException e) {
            return;
        }
        if (Integer.valueOf(0).equals(uid)) {
            throw new DbsimException("the embedded PostgreSQL cannot run as root: start dbsim through ./dbsim "
                    + "(it runs Java in a user namespace), run as a normal user, or give --jdbc-url");
        }
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    private static void closeQuietly(EmbeddedPostgres postgres) {
        try {
            postgres.close();
        } catch (IOException ignored) {
            // Stopping a server that failed half-way: the shutdown hook retries at exit.
        }
    }

    @Override
    public ConnectionInfo connection() {
        return connection;
    }

    @Override
    public String description() {
        return "embedded PostgreSQL on 127.0.0.1:" + postgres.getPort() + " (throwaway, removed at exit)";
    }

    @Override
    public void close() {
        closeQuietly(postgres);
    }
}
