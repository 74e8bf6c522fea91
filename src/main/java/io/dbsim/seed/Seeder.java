package io.dbsim.seed;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DataSnapshot;
import io.dbsim.db.DatabaseErrors;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

/**
 * Fills the domain tables the way a DBA bulk-loads: mark the database as loading, empty the
 * tables, drop keys, indexes and foreign keys, COPY each table in its own stream (tables in
 * parallel) and build its keys and indexes and ANALYZE it right after, validate foreign keys,
 * and only then mark the seed complete.
 */
public final class Seeder {

    private final ConnectionInfo database;
    private final PrintWriter progress;
    private final int workers;
    private final long progressIntervalMillis;

    public Seeder(ConnectionInfo database, PrintWriter progress, int workers, long progressIntervalMillis) {
        this.database = database;
        this.progress = progress;
        this.workers = workers;
        this.progressIntervalMillis = progressIntervalMillis;
    }

    /** Call as a command starts: loads Datafaker's locale data while the database is being connected and migrated. */
    public static void warmUp() {
        Dictionary.warmUpInBackground();
    }

    /** Rows per table a profile and seed will produce, without generating any of them. */
    public static Map<String, Long> plannedRows(SeedProfile profile, long seed) {
        return rowsOf(generators(new Population(seed, profile)));
    }

    private static Map<String, Long> rowsOf(List<TableGenerator> generators) {
        Map<String, Long> rows = new LinkedHashMap<>();
        generators.forEach(g -> rows.put(g.table(), g.plan().rows()));
        return rows;
    }

    private static List<TableGenerator> generators(Population population) {
        return List.of(new OrganizationRows(population), new ContactRows(population), new MemberRows(population),
                new EmploymentRows(population), new StudentRows(population), new AttachmentRows(population));
    }

    public SeedResult seed(SeedProfile profile, long seed, boolean reset) {
        long start = System.nanoTime();
        // Datafaker's pools and the row plans take a moment to build: overlap them with the catalog work.
        CompletableFuture<List<TableGenerator>> generators =
                CompletableFuture.supplyAsync(() -> generators(new Population(seed, profile)));
        try {
            DeferredDdl ddl = prepare(profile, seed, reset);
            long copyStart = System.nanoTime();
            Map<String, Long> rows = load(generators.join(), ddl);
            long keysStart = System.nanoTime();
            progress.println("seed: rows loaded; validating " + ddl.addForeignKeys().size() + " foreign keys");
            progress.flush();
            runParallel(ddl.addForeignKeys());
            runParallel(ddl.validateForeignKeys());
            finish(rows);
            long end = System.nanoTime();
            return new SeedResult(profile, seed, rows, new SeedResult.Phases(Duration.ofNanos(copyStart - start),
                    Duration.ofNanos(keysStart - copyStart), Duration.ofNanos(end - keysStart)),
                    Duration.ofNanos(end - start));
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, database);
        } finally {
            generators.cancel(true);
        }
    }

    private DeferredDdl prepare(SeedProfile profile, long seed, boolean reset) throws SQLException {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            SeedState.ensureTable(c);
            var previous = SeedState.read(c);
            if (!reset) {
                if (previous.isPresent() && !previous.get().complete()) {
                    throw new UsageException("the database holds an incomplete seed (profile " + previous.get().profile()
                            + ", seed " + previous.get().seed() + ", started " + previous.get().startedAt()
                            + ", never finished): run 'dbsim seed --reset' to clean it and seed again");
                }
                Map<String, Long> held = nonEmptyTables(c);
                if (!held.isEmpty()) {
                    throw new UsageException("the database already holds data (" + describe(held)
                            + "): add --reset to replace it with a fresh seed");
                }
            }
            SeedState.markLoading(c, profile.name(), seed);
            // The data the old snapshot holds is about to be replaced: restoring it over the new seed would undo it.
            new DataSnapshot(database).drop();
            s.execute("TRUNCATE " + String.join(", ", DomainTables.ALL) + " RESTART IDENTITY CASCADE");
            if (previous.isPresent()) {
                restoreLeniently(s, previous.get().restoreDdl());
            }
            DeferredDdl ddl = DeferredDdl.discover(c);
            SeedState.saveRestoreDdl(c, ddl.restoreAll());
            for (String drop : ddl.drop()) {
                s.execute(drop);
            }
            return ddl;
        }
    }

    /** SQLSTATEs meaning "already there": relation exists, object exists, table already has a primary key. */
    private static final Set<String> ALREADY_EXISTS = Set.of("42P07", "42710", "42P16");

    /** An earlier seed stopped before rebuilding what it dropped: put back whatever is still missing. */
    private static void restoreLeniently(Statement s, List<String> restore) throws SQLException {
        for (String ddl : restore) {
            try {
                s.execute(ddl);
            } catch (SQLException e) {
                if (!ALREADY_EXISTS.contains(e.getSQLState())) {
                    throw e;
                }
            }
        }
    }

    private static Map<String, Long> nonEmptyTables(Connection c) throws SQLException {
        Map<String, Long> held = new LinkedHashMap<>();
        try (Statement s = c.createStatement()) {
            for (String table : DomainTables.ALL) {
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM (SELECT 1 FROM " + table + " LIMIT 1000001) t")) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        held.put(table, rs.getLong(1));
                    }
                }
            }
        }
        return held;
    }

    private static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream()
                .map(e -> e.getKey() + ": " + String.format("%,d", e.getValue()) + " rows")
                .collect(Collectors.joining(", "));
    }

    private Map<String, Long> load(List<TableGenerator> generators, DeferredDdl ddl) throws SQLException {
        Map<String, Long> rows = rowsOf(generators);
        long total = rows.values().stream().mapToLong(Long::longValue).sum();
        List<TableGenerator> biggestFirst = generators.stream()
                .sorted(Comparator.comparingLong((TableGenerator g) -> g.plan().rows()).reversed()).toList();
        try (SeedProgress meter = new SeedProgress(progress, total, progressIntervalMillis)) {
            inParallel(biggestFirst, (connection, g) -> {
                loadTable(connection, g, meter);
                // Build this table's keys and indexes while bigger tables are still loading.
                try (Statement s = connection.createStatement()) {
                    for (String index : ddl.indexesOf(g.table())) {
                        s.execute(index);
                    }
                    s.execute("ANALYZE " + g.table());
                }
            });
        }
        return rows;
    }

    /**
     * One COPY stream per table, in the transaction that truncates it, so COPY FREEZE writes rows
     * already frozen and visible to all: no VACUUM pass is needed afterwards, and a table is
     * either fully loaded or empty.
     */
    private static void loadTable(Connection connection, TableGenerator g, SeedProgress meter) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("TRUNCATE " + g.table());
        }
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + g.table() + " (" + g.columns() + ") FROM STDIN WITH (FORMAT binary, FREEZE)");
        try {
            copy.writeToCopy(CopyBuffer.HEADER, 0, CopyBuffer.HEADER.length);
            CopyBuffer buffer = new CopyBuffer(4 << 20);
            for (int chunk = 0; chunk < g.plan().chunks(); chunk++) {
                buffer.clear();
                g.write(chunk, buffer);
                copy.writeToCopy(buffer.array(), 0, buffer.size());
                meter.add(buffer.rows());
            }
            copy.writeToCopy(CopyBuffer.TRAILER, 0, CopyBuffer.TRAILER.length);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        connection.commit();
        connection.setAutoCommit(true);
    }

    private void runParallel(List<String> statements) throws SQLException {
        inParallel(statements, (connection, sql) -> {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        });
    }

    private void finish(Map<String, Long> rows) throws SQLException {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            for (String table : DomainTables.ALL) {
                s.execute("SELECT setval(pg_get_serial_sequence('" + table + "', 'id'), "
                        + "COALESCE((SELECT max(id) FROM " + table + "), 0) + 1, false)");
            }
            try {
                SeedState.markComplete(c, new ObjectMapper().writeValueAsString(rows));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("row counts are plain numbers and always serialise", e);
            }
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        void run(Connection connection, T item) throws SQLException;
    }

    /** Runs each item on one of `workers` connections set up for bulk work; the first failure stops the rest. */
    private <T> void inParallel(List<T> items, Work<T> work) throws SQLException {
        if (items.isEmpty()) {
            return;
        }
        int n = Math.min(workers, items.size());
        BlockingQueue<Connection> connections = new ArrayBlockingQueue<>(n);
        List<Connection> opened = new ArrayList<>(n);
        ExecutorService pool = Executors.newFixedThreadPool(n, r -> {
            Thread t = new Thread(r, "seed-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            for (int i = 0; i < n; i++) {
                Connection c = database.open();
                opened.add(c);
                try (Statement s = c.createStatement()) {
                    s.execute("SET synchronous_commit = off");
                    s.execute("SET maintenance_work_mem = '256MB'");
                }
                connections.add(c);
            }
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> {
                    Connection c = connections.take();
                    try {
                        work.run(c, item);
                    } finally {
                        connections.add(c);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new DbsimException("seed failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DbsimException("seed interrupted", e);
        } finally {
            pool.shutdownNow();
            for (Connection c : opened) {
                try {
                    c.close();
                } catch (SQLException ignored) {
                    // Closing after the work is done or failed: nothing left to save.
                }
            }
        }
    }
}
