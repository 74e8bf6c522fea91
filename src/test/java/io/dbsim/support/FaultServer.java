package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Migrator;
import io.dbsim.seed.SeedProfiles;
import io.dbsim.seed.Seeder;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL of the fault tests' own, apart from {@link TestPostgres}'s shared one, since these tests restart it,
 * kill its backends and fill its connection slots. One per test JVM, seeded once with the small profile;
 * max_connections is low so that the slots can be filled quickly.
 */
public final class FaultServer {

    public static final int MAX_CONNECTIONS = 40;
    private static FaultServer instance;

    private final EmbeddedPostgres postgres;
    private final ConnectionInfo seeded;

    private FaultServer(EmbeddedPostgres postgres, ConnectionInfo seeded) {
        this.postgres = postgres;
        this.seeded = seeded;
    }

    public static synchronized FaultServer get() {
        if (instance == null) {
            try {
                EmbeddedPostgres pg = EmbeddedPostgres.builder()
                        .setServerConfig("listen_addresses", "127.0.0.1")
                        .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                        .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                        .setPGStartupWait(Duration.ofSeconds(60))
                        .start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        pg.close();
                    } catch (IOException ignored) {
                        // The JVM is going; zonky's own hook tries again.
                    }
                }));
                try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                    s.execute("CREATE DATABASE faults");
                }
                ConnectionInfo db = new ConnectionInfo(pg.getJdbcUrl("postgres", "faults"), "postgres", "");
                new Migrator(db).migrate(List.of());
                new Seeder(db, new PrintWriter(new StringWriter()), 2, 60_000).seed(SeedProfiles.load("small"), 42, false);
                instance = new FaultServer(pg, db);
            } catch (IOException | SQLException e) {
                throw new IllegalStateException("could not start the fault tests' PostgreSQL", e);
            }
        }
        return instance;
    }

    /** The seeded database, as dbsim connects to it. */
    public ConnectionInfo database() {
        return seeded;
    }

    public int port() {
        return postgres.getPort();
    }

    /** pg_ctl restart in the given shutdown mode (fast, immediate), waiting until the server accepts connections again. */
    public void restart(String mode) {
        Path dataDirectory = Path.of(query("SHOW data_directory"));
        try {
            long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"), StandardCharsets.UTF_8).get(0).trim());
            Path pgCtl = Files.readSymbolicLink(Path.of("/proc", Long.toString(postmaster), "exe")).resolveSibling("pg_ctl");
            // The server pg_ctl starts keeps the output it was given: a file, not a pipe this JVM would wait on for ever.
            Path log = dataDirectory.resolve("restart.log");
            Process p = new ProcessBuilder(pgCtl.toString(), "-D", dataDirectory.toString(), "-l", log.toString(), "-m", mode, "-w",
                    "-t", "60", "restart").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            if (!p.waitFor(90, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("pg_ctl restart -m " + mode + " failed: " + Files.readString(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not restart the fault tests' PostgreSQL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting", e);
        }
    }

    /** Ends the backends of connections named {@code application}; returns how many. */
    public long terminate(String application) {
        try (Connection c = connect()) {
            return terminate(c, application);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The same, on a connection the caller holds (when the server has no slot left for another). */
    public static long terminate(Connection via, String application) throws SQLException {
        try (Statement s = via.createStatement(); ResultSet rs = s.executeQuery("SELECT count(pg_terminate_backend(pid)) "
                + "FROM pg_stat_activity WHERE application_name = '" + application + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * Waits until {@code backends} or more of a dbsim run's connections started a statement in the last half second
     * in three looks in a row, that is until its users are at work, for at most {@code atMost}; returns whether they were. A JVM's start-up on
     * a loaded machine can take seconds, so a fault timed from dbsim's start can land before the run has a baseline.
     */
    public boolean awaitBusyRun(int backends, Duration atMost) throws InterruptedException {
        long until = System.nanoTime() + atMost.toNanos();
        try (Connection c = connect(); Statement s = c.createStatement()) {
            int inARow = 0;
            while (System.nanoTime() < until) {
                // The pool's validation queries are empty statements, and a start-up query or two runs on one connection:
                // users at work run statements on many connections, seen in three looks in a row.
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE application_name = 'dbsim-run' "
                        + "AND query <> '' AND query_start > clock_timestamp() - interval '500 milliseconds'")) {
                    rs.next();
                    inARow = rs.getLong(1) >= backends ? inARow + 1 : 0;
                    if (inARow == 3) {
                        return true;
                    }
                }
                Thread.sleep(50);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return false;
    }

    /** Backends of dbsim's runs and observers still connected, after giving closing ones a moment to exit. */
    public long dbsimBackendsLeft() throws InterruptedException {
        long left = 0;
        for (int i = 0; i < 50; i++) {
            left = Long.parseLong(query("SELECT count(*) FROM pg_stat_activity WHERE application_name IN ('dbsim-run', 'dbsim-observer')"));
            if (left == 0) {
                return 0;
            }
            Thread.sleep(100);
        }
        return left;
    }

    /** A plain connection to the seeded database, as any other client would hold one. */
    public Connection connect() throws SQLException {
        return seeded.open("fault-test");
    }

    private String query(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
