package io.dbsim.observe;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.workload.CapturedStatement;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Watches PostgreSQL while a run goes, on a connection of its own: server facts and cumulative
 * statistics before and after, the run's backends every sample. Observation never stops a run: a
 * view that cannot be read becomes a note in the report saying why and what to do; a lost connection
 * is opened again with backoff ({@link ObserverLink}), a sample the server does not answer in time is
 * skipped, and counters that started again from zero across a restart are said to ({@link Continuity}).
 */
public final class DatabaseObserver implements AutoCloseable {

    /** Marks the observer's own statements, so they are left out of pg_stat_statements figures. */
    static final String TAG = "/* dbsim-observer */ ";
    public static final String APPLICATION_NAME = "dbsim-observer";

    private final String runApplication;
    private final ObserverLink link;
    private final long sampleBudgetNanos;
    /** Samples are read here, so a server or network that stops answering holds this thread, not the run's sampling. */
    private final ExecutorService reads = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("dbsim-observer").factory());
    /** The sample being read; only the run's sampling thread touches it. */
    private Future<ActivitySample> sampling;
    private final List<String> notes = new ArrayList<>();
    private final Set<String> countersReset = new HashSet<>();
    private boolean statementsAvailable;
    private DatabaseCounters lastCounters;
    private Map<Long, StatementTick> lastStatements;
    private Map<String, TableStat> firstTables;

    private DatabaseObserver(ConnectionInfo database, String runApplication, Duration sampleBudget) {
        this.runApplication = runApplication;
        this.link = new ObserverLink(database, APPLICATION_NAME);
        this.sampleBudgetNanos = sampleBudget.toNanos();
    }

    /**
     * Connects and checks what can be observed; pg_stat_statements is installed when it is preloaded but not created.
     *
     * @param sampleBudget how long {@link #sample()} waits for the server before it skips the sample
     */
    public static DatabaseObserver open(ConnectionInfo database, String runApplication, Duration sampleBudget) {
        DatabaseObserver observer = new DatabaseObserver(database, runApplication, sampleBudget);
        if (observer.connection(true) != null) {
            observer.statementsAvailable = observer.checkStatements();
        }
        return observer;
    }

    /** An observer that watches nothing, its one note saying why (a segment of a test whose first segment observes). */
    public static DatabaseObserver off(String why) {
        DatabaseObserver observer = new DatabaseObserver(null, null, Duration.ZERO);
        observer.note(why);
        return observer;
    }

    private Connection connection(boolean now) {
        return link.get(now, e -> note("the observer could not connect (" + ObserverLink.firstLine(e)
                + "): database views are missing from this report"));
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
                            + ObserverLink.firstLine(e) + "): run CREATE EXTENSION pg_stat_statements; there as a superuser");
                    return false;
                }
            }
            try {
                StatementStat.totals(c);
                return true;
            } catch (SQLException e) {
                c.rollback();
                note((ObserverLink.firstLine(e).contains("shared_preload_libraries") ? "pg_stat_statements is not loaded, so this report has no "
                        + "per-statement figures: " + howTo : "pg_stat_statements cannot be read (" + ObserverLink.firstLine(e) + ")"));
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

    /** The cumulative views now; the first one is what the run's deltas start from. Connects now if need be. */
    public synchronized Snapshot snapshot() {
        Connection c = connection(true);
        if (c == null) {
            return null;
        }
        DatabaseCounters counters = read(DatabaseCounters::read, "pg_stat_database");
        Map<Long, StatementStat> statements = statementsAvailable ? read(StatementStat::snapshot, "pg_stat_statements") : null;
        Map<String, TableStat> tables = read(TableStat::snapshot, "pg_stat_user_tables");
        Map<String, IndexStat> indexes = read(IndexStat::snapshot, "pg_stat_user_indexes");
        if (counters != null) {
            lastCounters = counters;
        }
        if (statements != null) {
            lastStatements = StatementStat.totalsOf(statements);
        }
        if (firstTables == null) {
            firstTables = tables;
        }
        return new Snapshot(counters, statements, tables, indexes, Set.copyOf(countersReset));
    }

    /**
     * The run's backends right now; null when the database cannot be asked, or does not answer within the sample
     * budget (the run goes on regardless). Called by the run's sampling thread only.
     */
    public ActivitySample sample() {
        if (sampling == null || sampling.isDone()) {
            sampling = reads.submit(() -> sample(statementsAvailable()));
        }
        try {
            return sampling.get(sampleBudgetNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException | ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private synchronized ActivitySample sample(boolean withStatements) {
        ActivitySample a = read(c -> ActivitySample.read(c, runApplication, withStatements), null);
        if (a != null) {
            noteResets(a.counters(), a.statementTotals());
        }
        return a;
    }

    /** Counters lower than at the last look started again from zero: a restart after a crash, or pg_stat_reset(). */
    private void noteResets(DatabaseCounters counters, Map<Long, StatementTick> statements) {
        if (lastCounters != null && counters.below(lastCounters)) {
            countersReset.add(Continuity.DATABASE);
        }
        lastCounters = counters;
        if (statements != null) {
            if (lastStatements != null && StatementTick.mostBelow(statements, lastStatements)) {
                countersReset.add(Continuity.STATEMENTS);
            }
            lastStatements = statements;
        }
    }

    /**
     * After a restart, one look at every cumulative view: those now below what was seen before the restart were reset.
     * Table statistics are compared with the first snapshot, as they are not sampled during the run.
     */
    private void checkResets(Connection c) throws SQLException {
        noteResets(DatabaseCounters.read(c), statementsAvailable ? StatementStat.totals(c) : null);
        if (firstTables != null && TableStat.anyBelow(TableStat.snapshot(c), firstTables)) {
            countersReset.add(Continuity.TABLES);
        }
        c.commit();
    }

    /** What the observer lived through so far: gaps, the server's restarts, counters reset. */
    public synchronized Continuity continuity() {
        return link.continuity(countersReset);
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
        Connection c = connection(false);
        if (c == null) {
            return null;
        }
        try {
            if (link.takeRestart()) {
                checkResets(c);
            }
            T value = reader.read(c);
            c.commit();
            link.answered();
            return value;
        } catch (SQLException e) {
            if (what != null) {
                note("could not read " + what + ": " + ObserverLink.firstLine(e));
            }
            try {
                c.rollback();
            } catch (SQLException ignored) {
                // The connection is checked next.
            }
            dropConnectionIfBroken(c, e);
            return null;
        }
    }

    private void dropConnectionIfBroken(Connection c, SQLException failure) {
        try {
            if (c.isValid(1)) {
                return;
            }
        } catch (SQLException ignored) {
            // Treated as broken below.
        }
        link.broken(failure);
    }

    private void note(String text) {
        if (!notes.contains(text)) {
            notes.add(text);
        }
    }

    @Override
    public void close() {
        reads.shutdownNow();
        synchronized (this) {
            link.close();
        }
    }

    /**
     * The cumulative views at one moment; {@link #since} turns two into what happened between.
     *
     * @param countersReset the views seen starting again from zero since the observer opened ({@link Continuity})
     */
    public record Snapshot(DatabaseCounters counters, Map<Long, StatementStat> statements, Map<String, TableStat> tables,
                           Map<String, IndexStat> indexes, Set<String> countersReset) {

        /** What happened since {@code before}; a view reset in between counts from its reset, and the delta says so. */
        public Delta since(Snapshot before) {
            Set<String> reset = new HashSet<>(countersReset);
            reset.removeAll(before.countersReset);
            DatabaseCounters c = counters == null || before.counters == null ? null
                    : reset.contains(Continuity.DATABASE) ? counters : counters.minus(before.counters);
            List<StatementStat> st = statements == null || before.statements == null ? null
                    : diff(statements, reset.contains(Continuity.STATEMENTS) ? Map.of() : before.statements, StatementStat::since)
                    .stream().filter(s -> s.calls() > 0).sorted((a, b) -> Double.compare(b.totalMs(), a.totalMs())).toList();
            boolean tablesReset = reset.contains(Continuity.TABLES);
            List<TableStat> t = tables == null || before.tables == null ? List.of()
                    : diff(tables, tablesReset ? Map.of() : before.tables, TableStat::since);
            List<IndexStat> i = indexes == null || before.indexes == null ? List.of()
                    : diff(indexes, tablesReset ? Map.of() : before.indexes, IndexStat::since);
            return new Delta(c, st, t, i);
        }

        private static <K, V> List<V> diff(Map<K, V> after, Map<K, V> before, java.util.function.BiFunction<V, V, V> since) {
            Map<K, V> out = new LinkedHashMap<>();
            after.forEach((k, v) -> out.put(k, since.apply(v, before.get(k))));
            return List.copyOf(out.values());
        }
    }

    /**
     * What the run did according to PostgreSQL; {@code statements} is null when pg_stat_statements was not available.
     * A view whose counters were reset during the run ({@link Continuity#countersReset()}) counts from the reset.
     */
    public record Delta(DatabaseCounters counters, List<StatementStat> statements, List<TableStat> tables,
                        List<IndexStat> indexes) {

        public Delta named(Function<String, String> operationOfQuery) {
            return statements == null ? this : new Delta(counters,
                    statements.stream().map(s -> s.withOperation(operationOfQuery.apply(s.query()))).toList(), tables, indexes);
        }
    }
}
