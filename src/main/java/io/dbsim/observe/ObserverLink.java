package io.dbsim.observe;

import io.dbsim.db.ConnectionInfo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The observer's own connection, kept through what the run lives through: when it breaks, or the server does not
 * answer, it is dropped and opened again with backoff (250 ms doubling to 5 s), and every stretch without it is kept
 * as a gap. Each time it opens, the server's start time is read: a new one means the server restarted.
 * Not thread-safe: the observer calls it under its own lock.
 */
final class ObserverLink {

    static final Duration FIRST_BACKOFF = Duration.ofMillis(250);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /**
     * The observer's statements stop at 5 s on the server (statement_timeout); the client gives up a little later, so a
     * network that stops answering holds the observer, and the closing look at the server, no longer than that.
     */
    private static final String SOCKET_TIMEOUT_S = "10";
    private static final String CONNECT_TIMEOUT_S = "5";

    private final ConnectionInfo database;
    private final String applicationName;
    private final List<Continuity.Gap> gaps = new ArrayList<>();
    private final List<Instant> restarts = new ArrayList<>();
    private Connection connection;
    private Instant serverStartedAt;
    private boolean restartUnchecked;
    private Instant lastAnswer;
    private Instant lostAt;
    private String lostBecause;
    private long backoffNanos = FIRST_BACKOFF.toNanos();
    private long nextAttemptNanos;

    /** @param database null for an observer that watches nothing */
    ObserverLink(ConnectionInfo database, String applicationName) {
        this.database = database;
        this.applicationName = applicationName;
    }

    /**
     * The connection, opening it if it is time to try again ({@code now}: whatever the backoff says, for the closing
     * look); null while there is none. {@code neverConnected} hears why, as long as no connection was ever opened: a
     * connection lost later is a gap, not a missing view.
     */
    Connection get(boolean now, Consumer<SQLException> neverConnected) {
        if (connection != null || database == null) {
            return connection;
        }
        if (!now && System.nanoTime() < nextAttemptNanos) {
            return null;
        }
        Connection opened = null;
        try {
            opened = DriverManager.getConnection(database.jdbcUrl(), properties());
            Instant started;
            try (Statement s = opened.createStatement()) {
                s.execute(DatabaseObserver.TAG + "SET statement_timeout = '5s'");
                s.execute(DatabaseObserver.TAG + "SET lock_timeout = '1s'");
                try (ResultSet rs = s.executeQuery(DatabaseObserver.TAG + "SELECT pg_postmaster_start_time()")) {
                    rs.next();
                    started = rs.getTimestamp(1).toInstant();
                }
            }
            // One transaction per look at the views: a sample costs the database one commit, not one per query.
            opened.setAutoCommit(false);
            connection = opened;
            opened(started);
        } catch (SQLException e) {
            closeQuietly(opened);
            lost(e);
            nextAttemptNanos = System.nanoTime() + backoffNanos;
            backoffNanos = Math.min(MAX_BACKOFF.toNanos(), backoffNanos * 2);
            if (serverStartedAt == null) {
                neverConnected.accept(e);
            }
        }
        return connection;
    }

    private Properties properties() {
        Properties props = database.properties();
        props.setProperty("ApplicationName", applicationName);
        props.setProperty("socketTimeout", SOCKET_TIMEOUT_S);
        props.setProperty("connectTimeout", CONNECT_TIMEOUT_S);
        props.setProperty("loginTimeout", CONNECT_TIMEOUT_S);
        return props;
    }

    private void opened(Instant started) {
        backoffNanos = FIRST_BACKOFF.toNanos();
        if (serverStartedAt != null && !serverStartedAt.equals(started)) {
            restarts.add(started);
            restartUnchecked = true;
        }
        serverStartedAt = started;
        if (lostAt != null) {
            gaps.add(new Continuity.Gap(lostAt, Instant.now(), lostBecause));
            lostAt = null;
        }
    }

    /** The server answered a look at its views. */
    void answered() {
        lastAnswer = Instant.now();
    }

    /** The connection failed: dropped, to be opened again after the backoff. */
    void broken(SQLException e) {
        closeQuietly(connection);
        connection = null;
        lost(e);
        nextAttemptNanos = System.nanoTime() + backoffNanos;
    }

    /** A gap starts at the last answer before the failure: that is when the observer last saw the server. */
    private void lost(SQLException e) {
        if (lostAt == null && lastAnswer != null) {
            lostAt = lastAnswer;
            lostBecause = firstLine(e);
        }
    }

    /** True once after the connection came back to a server that had restarted: its statistics may have been reset. */
    boolean takeRestart() {
        boolean r = restartUnchecked;
        restartUnchecked = false;
        return r;
    }

    /** The gaps so far, one still open ending at null, and the server's restarts seen. */
    Continuity continuity(Set<String> countersReset) {
        List<Continuity.Gap> all = new ArrayList<>(gaps);
        if (lostAt != null) {
            all.add(new Continuity.Gap(lostAt, null, lostBecause));
        }
        return new Continuity(all, List.copyOf(restarts), Set.copyOf(countersReset));
    }

    void close() {
        closeQuietly(connection);
        connection = null;
    }

    static String firstLine(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private static void closeQuietly(Connection c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (SQLException ignored) {
            // Already gone, or going: nothing more to do with it.
        }
    }
}
