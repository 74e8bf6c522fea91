package io.dbsim.observe;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.workload.CapturedStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Watches PostgreSQL while a run goes, on a connection of its own: server facts and cumulative
 * statistics before and after, the run's backends every sample. Observation never stops a run: a
 * view that cannot be read becomes a note in the report saying why and what to do.
 */
public final class DatabaseObserver implements AutoCloseable {

    /** Marks the observer's own statements, so they are left out of pg_stat_statements figures. */
    static final String TAG = "/* dbsim-observer */ ";
    public static final String APPLICATION_NAME = "dbsim-observer";

    private final ConnectionInfo database;
    private final String runApplication;
    private final List<String> notes = new ArrayList<>();
    private Connection connection;
    private boolean statementsAvailable;
    private long nextReconnectNanos;

    private DatabaseObserver(ConnectionInfo database, String runApplication) {
        this.database = database;
        this.runApplication = runApplication;
    }

    /** Connects and checks what can be observed; pg_stat_statements is installed when it is preloaded but not created. */
    public static DatabaseObserver open(ConnectionInfo database, String runApplication) {
        DatabaseObserver observer = new DatabaseObserver(database, runApplication);
        if (observer.connection() != null) {
            observer.statementsAvailable = observer.checkStatements();
        }
        return observer;
    }

    /** An observer that watches nothing, its one note saying why (a segment of a test whose first segment observes). */
    public static DatabaseObserver off(String why) {
        DatabaseObserver observer = new DatabaseObserver(null, null);
        observer.note(why);
        return observer;
    }

    private Connection connection() {
        if (connection != null) {
            return connection;
        }
        if (database == null || System.nanoTime() < nextReconnectNanos) {
            return null;
        }
        Connection opened = null;
        try {
            opened = database.open(APPLICATION_NAME);
            try (Statement s = opened.createStatement()) {
                s.execute(TAG + "SET statement_timeout = '5s'");
                s.execute(TAG + "SET lock_timeout = '1s'");
            }
            // One transaction per look at the views: a sample costs the database one commit, not one per query.
            opened.setAutoCommit(false);
            connection = opened;
        } catch (SQLException e) {
            note("the observer could not connect (" + firstLine(e) + "): database views are missing from this report");
            if (opened != null) {
                try {
                    opened.close();
                } catch (SQLException ignored) {
                    // Closing a connection that failed half-way; nothing more to do.
                }
            }
            nextReconnectNanos = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        }
        return connection;
    }

    /**
     * shared_preload_libraries is readable by superusers only, so availability is probed: install the
     * extension when it is missing and the library is (or may be) preloaded, then read the view once.
     */
    private boolean checkStatements() {
        Boolean available = read(c -> {
            String databaseName;
            String preload;
            boolean installed;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(TAG + "SELECT current_database(), (SELECT setting FROM pg_settings "
                         + "WHERE name = 'shared_preload_libraries'), EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements')")) {
                rs.next();
                databaseName = rs.getString(1);
                preload = rs.getString(2);
                installed = rs.getBoolean(3);
            }
            String howTo = "set shared_preload_libraries = 'pg_stat_statements' in postgresql.conf" + (preload == null ? ""
                    : " (currently '" + preload + "')") + ", restart PostgreSQL, and run CREATE EXTENSION pg_stat_statements; in database "
                    + databaseName;
            if (preload != null && !preload.contains("pg_stat_statements")) {
                note("pg_stat_statements is not loaded, so this report has no per-statement figures: " + howTo);
                return false;
            }
            if (!installed) {
                try (Statement s = c.createStatement()) {
                    s.execute(TAG + "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                    c.commit();
                    note("installed the pg_stat_statements extension in database " + databaseName + " (it was preloaded but not created)");
                } catch (SQLException e) {
                    c.rollback();
                    note("pg_stat_statements is not created in database " + databaseName + ", and dbsim may not create it ("
                            + firstLine(e) + "): run CREATE EXTENSION pg_stat_statements; there as a superuser");
                    return false;
                }
            }
            try {
                StatementStat.totals(c);
                return true;
            } catch (SQLException e) {
                c.rollback();
                note((firstLine(e).contains("shared_preload_libraries") ? "pg_stat_statements is not loaded, so this report has no "
                        + "per-statement figures: " + howTo : "pg_stat_statements cannot be read (" + firstLine(e) + ")"));
                return false;
            }
        }, "pg_stat_statements");
        return Boolean.TRUE.equals(available);
    }

    public synchronized boolean statementsAvailable() {
        return statementsAvailable;
    }

    public synchronized ServerFacts facts() {
        return read(ServerFacts::read, "server settings");
    }

    public synchronized Snapshot snapshot() {
        Connection c = connection();
        if (c == null) {
            return null;
        }
        DatabaseCounters counters = read(DatabaseCounters::read, "pg_stat_database");
        Map<Long, StatementStat> statements = statementsAvailable ? read(StatementStat::snapshot, "pg_stat_statements") : null;
        Map<String, TableStat> tables = read(TableStat::snapshot, "pg_stat_user_tables");
        Map<String, IndexStat> indexes = read(IndexStat::snapshot, "pg_stat_user_indexes");
        return new Snapshot(counters, statements, tables, indexes);
    }

    /** The run's backends right now; null when the database cannot be asked (the run goes on regardless). */
    public synchronized ActivitySample sample() {
        return sample(statementsAvailable);
    }

    private synchronized ActivitySample sample(boolean withStatements) {
        return read(c -> ActivitySample.read(c, runApplication, withStatements), null);
    }

    /**
     * Waits until the run's connections are gone: a backend publishes its last table statistics as it
     * exits, so the closing snapshot is only complete after that.
     */
    public void awaitRunBackendsGone(Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            ActivitySample s = sample(false);
            if (s == null || s.backends() == 0) {
                return;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    public synchronized List<PlanInspector.SeqScan> inspectPlans(List<CapturedStatement> statements) {
        List<PlanInspector.SeqScan> found = read(c -> PlanInspector.inspect(c, statements), "plans (EXPLAIN)");
        return found == null ? List.of() : found;
    }

    public synchronized List<String> notes() {
        return List.copyOf(notes);
    }

    private interface Reader<T> {
        T read(Connection c) throws SQLException;
    }

    private <T> T read(Reader<T> reader, String what) {
        Connection c = connection();
        if (c == null) {
            return null;
        }
        try {
            T value = reader.read(c);
            c.commit();
            return value;
        } catch (SQLException e) {
            if (what != null) {
                note("could not read " + what + ": " + firstLine(e));
            }
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The connection is checked next.
            }
            dropConnectionIfBroken(c);
            return null;
        }
    }

    private void dropConnectionIfBroken(Connection c) {
        try {
            if (c.isValid(1)) {
                return;
            }
        } catch (SQLException ignored) {
            // Treated as broken below.
        }
        closeQuietly();
        nextReconnectNanos = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    }

    private void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    private static String firstLine(SQLException e) {
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // Already gone.
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    /** The cumulative views at one moment; {@link #since} turns two into what happened between. */
    public record Snapshot(DatabaseCounters counters, Map<Long, StatementStat> statements, Map<String, TableStat> tables,
                           Map<String, IndexStat> indexes) {

        public Delta since(Snapshot before) {
            DatabaseCounters c = counters == null || before.counters == null ? null : counters.minus(before.counters);
            List<StatementStat> st = statements == null || before.statements == null ? null
                    : diff(statements, before.statements, StatementStat::since).stream().filter(s -> s.calls() > 0)
                    .sorted((a, b) -> Double.compare(b.totalMs(), a.totalMs())).toList();
            List<TableStat> t = tables == null || before.tables == null ? List.of() : diff(tables, before.tables, TableStat::since);
            List<IndexStat> i = indexes == null || before.indexes == null ? List.of() : diff(indexes, before.indexes, IndexStat::since);
            return new Delta(c, st, t, i);
        }

        private static <K, V> List<V> diff(Map<K, V> after, Map<K, V> before, java.util.function.BiFunction<V, V, V> since) {
            Map<K, V> out = new LinkedHashMap<>();
            after.forEach((k, v) -> out.put(k, since.apply(v, before.get(k))));
            return List.copyOf(out.values());
        }
    }

    /** What the run did according to PostgreSQL; {@code statements} is null when pg_stat_statements was not available. */
    public record Delta(DatabaseCounters counters, List<StatementStat> statements, List<TableStat> tables,
                        List<IndexStat> indexes) {

        public Delta named(Function<String, String> operationOfQuery) {
            return statements == null ? this : new Delta(counters,
                    statements.stream().map(s -> s.withOperation(operationOfQuery.apply(s.query()))).toList(), tables, indexes);
        }
    }
}
