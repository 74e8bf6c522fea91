package io.dbsim.workload.script;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.ErrorClass;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scripts run on a real PostgreSQL: results into variables, untyped binding, connection holding, failures, TPC-B. */
class ScriptExecutionTest {

    private static ConnectionInfo db;
    private static Connection connection;

    @BeforeAll
    static void database() throws SQLException {
        db = TestPostgres.newDatabase("script_execution");
        TestPostgres.execute(db,
                "CREATE TABLE bound (repeated text, rounded numeric, b boolean, z_is_null boolean, t_bang text, num_plus_one int, dt text)",
                "CREATE TABLE touched (id int PRIMARY KEY, what text)",
                "CREATE TABLE parity (client int, branch text)");
        connection = db.open();
    }

    @AfterAll
    static void close() throws SQLException {
        connection.close();
    }

    @Test
    void gsetAndAsetStoreColumnsIntoPrefixedVariables() throws Exception {
        List<String> shown = run("""
                SELECT 7 AS a, 'x' AS b \\gset p_
                \\set c debug(:p_a + 1)
                SELECT (:p_b = 'x')::int AS same \\gset
                SELECT 4 AS four \\; SELECT 5 AS five \\aset
                SELECT 6 AS four WHERE false \\aset
                \\set d debug(:four * :five + :same)
                SELECT g AS n FROM generate_series(1, 3) g \\; SELECT 3 AS last_of_many \\gset
                \\set e debug(:last_of_many)
                """, 0);

        assertThat(shown).containsExactly("int 8", "int 21", "int 3");
    }

    @Test
    void gsetFailsTheExecutionWithoutExactlyOneRow() throws Exception {
        assertThatThrownBy(() -> run("SELECT 1 AS a WHERE false \\gset\n", 0))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:1: \\gset expects the query to return one row, it returned 0");
        assertThatThrownBy(() -> run("SELECT g AS a FROM generate_series(1, 3) g \\gset\n", 0))
                .hasMessage("test.sql:1: \\gset expects the query to return one row, it returned 3");
        assertThatThrownBy(() -> run("UPDATE touched SET what = 'x' WHERE false \\gset\n", 0))
                .hasMessage("test.sql:1: \\gset expects the query to return one row, it returned 0");
        assertThatThrownBy(() -> run("SELECT 1 \\gset\n\\set x 1\n", 0))
                .hasMessage("test.sql:1: cannot store column \"?column?\" in a variable: give it a name with AS");
    }

    @Test
    void everyVariableIsBoundUntypedAsItsTextSoTheServerInfersItsTypeAsForPgbench() throws Exception {
        Defines defines = Defines.of(List.of("t=hello", "num=41"), 1, PgbenchSeeds.of(0, 1));
        run("""
                \\set n 3
                \\set d 2.345
                \\set b true
                \\set z null
                SELECT 'text' AS dt \\gset
                INSERT INTO bound VALUES (repeat('x', :n), round(:d, 2), :b AND true, :z::int IS NULL, :t || '!', :num + 1, :dt);
                """, defines, 0);

        try (Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("SELECT * FROM bound")) {
            assertThat(row.next()).isTrue();
            assertThat(row.getString("repeated")).isEqualTo("xxx");
            assertThat(row.getBigDecimal("rounded")).isEqualByComparingTo("2.35");
            assertThat(row.getBoolean("b")).isTrue();
            assertThat(row.getBoolean("z_is_null")).isTrue();
            assertThat(row.getString("t_bang")).isEqualTo("hello!");
            assertThat(row.getInt("num_plus_one")).isEqualTo(42);
            assertThat(row.getString("dt")).isEqualTo("text");
        }
    }

    @Test
    void ifBranchesChosenByClientVariablesRunTheirSql() throws Exception {
        String script = """
                \\if :client_id % 2 = 0
                  INSERT INTO parity VALUES (:client_id, 'even');
                \\else
                  INSERT INTO parity VALUES (:client_id, 'odd');
                \\endif
                """;
        for (int client = 0; client < 4; client++) {
            run(script, client);
        }

        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT client, branch FROM parity ORDER BY client")) {
            List<String> seen = new ArrayList<>();
            while (rows.next()) {
                seen.add(rows.getInt(1) + " " + rows.getString(2));
            }
            assertThat(seen).containsExactly("0 even", "1 odd", "2 even", "3 odd");
        }
    }

    @Test
    void aConnectionIsHeldFromTheFirstSqlCommandToTheLastOnly() throws Exception {
        Script script = Scripts.parse("""
                \\sleep 100 ms
                BEGIN;
                SELECT 1;
                \\sleep 100 ms
                END;
                \\sleep 150 ms
                """);
        RecordingLease lease = new RecordingLease(connection);

        long start = System.nanoTime();
        script.newClient(0, new SplittableRandom(1)).execute(lease, StatementTimer.NONE);
        long end = System.nanoTime();

        assertThat(lease.events()).extracting(RecordingLease.Event::what).containsExactly("acquire", "release");
        long acquired = lease.events().get(0).nanos();
        long released = lease.events().get(1).nanos();
        assertThat(TimeUnit.NANOSECONDS.toMillis(acquired - start)).as("sleep before the first SQL command").isGreaterThanOrEqualTo(100);
        assertThat(TimeUnit.NANOSECONDS.toMillis(released - acquired)).as("sleep between SQL commands").isGreaterThanOrEqualTo(100);
        assertThat(TimeUnit.NANOSECONDS.toMillis(end - released)).as("sleep after the last SQL command").isGreaterThanOrEqualTo(150);
        assertThat(lease.events().get(1).inTransaction()).isFalse();
    }

    @Test
    void aFailingStatementInsideBeginRollsBackAndGivesTheConnectionBackClean() throws Exception {
        Script script = Scripts.parse("BEGIN;\nINSERT INTO touched VALUES (1, 'lost');\nSELECT 1 / 0;\nEND;\n");
        RecordingLease lease = new RecordingLease(connection);

        assertThatThrownBy(() -> script.newClient(0, new SplittableRandom(1)).execute(lease, StatementTimer.NONE))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:3: ERROR: division by zero")
                .satisfies(e -> {
                    assertThat(((ScriptFailure) e).commandIndex()).isEqualTo(2);
                    assertThat(((ScriptFailure) e).getSQLState()).isEqualTo("22012");
                });

        assertThat(lease.events()).extracting(RecordingLease.Event::what).containsExactly("acquire", "release");
        assertThat(lease.events().get(1).inTransaction()).isFalse();
        assertThat(count("touched")).isZero();
    }

    @Test
    void aScriptErrorInsideATransactionAlsoRollsBack() throws Exception {
        Script script = Scripts.parse("BEGIN;\nINSERT INTO touched VALUES (2, 'lost');\n\\set x 1 / 0\nEND;\n");
        RecordingLease lease = new RecordingLease(connection);

        assertThatThrownBy(() -> script.newClient(0, new SplittableRandom(1)).execute(lease, StatementTimer.NONE))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:3: division by zero");

        assertThat(lease.events().get(1).inTransaction()).isFalse();
        assertThat(count("touched")).isZero();
    }

    @Test
    void aScriptEndingInsideATransactionFailsAndIsRolledBack() throws Exception {
        Script script = Scripts.parse("BEGIN;\nINSERT INTO touched VALUES (3, 'lost');\n");
        RecordingLease lease = new RecordingLease(connection);

        assertThatThrownBy(() -> script.newClient(0, new SplittableRandom(1)).execute(lease, StatementTimer.NONE))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:2: the script ended inside a transaction block; end it with COMMIT or END");

        assertThat(lease.events()).extracting(RecordingLease.Event::what).containsExactly("acquire", "release");
        assertThat(lease.events().get(1).inTransaction()).isFalse();
        assertThat(count("touched")).isZero();
    }

    @Test
    void sqlFailuresKeepTheirSqlStateForTheEngineToClassify() throws Exception {
        run("INSERT INTO touched VALUES (10, 'first');\n", 0);

        assertThatThrownBy(() -> run("INSERT INTO touched VALUES (10, 'again');\n", 0))
                .isInstanceOf(ScriptFailure.class)
                .satisfies(e -> assertThat(ErrorClass.of(e)).isEqualTo(ErrorClass.UNIQUE_VIOLATION));
        try (Statement statement = connection.createStatement()) {
            statement.execute("DELETE FROM touched");
        }
    }

    /**
     * pgbench's TPC-B (sort of) on tables made as "pgbench -i -s 1" makes them: after any number of
     * executions every balance moved by a delta is in accounts, tellers, branches and history alike.
     */
    @Test
    void builtInTpcbLikeKeepsTheTpcbInvariantAcrossConcurrentClients() throws Exception {
        ConnectionInfo bank = TestPostgres.newDatabase("script_tpcb");
        TestPostgres.execute(bank,
                "CREATE TABLE pgbench_history (tid int, bid int, aid int, delta int, mtime timestamp, filler char(22))",
                "CREATE TABLE pgbench_tellers (tid int NOT NULL, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)",
                "CREATE TABLE pgbench_accounts (aid int NOT NULL, bid int, abalance int, filler char(84)) WITH (fillfactor=100)",
                "CREATE TABLE pgbench_branches (bid int NOT NULL, bbalance int, filler char(88)) WITH (fillfactor=100)",
                "INSERT INTO pgbench_branches (bid, bbalance) SELECT bid, 0 FROM generate_series(1, 1) bid",
                "INSERT INTO pgbench_tellers (tid, bid, tbalance) SELECT tid, (tid - 1) / 10 + 1, 0 FROM generate_series(1, 10) tid",
                "INSERT INTO pgbench_accounts (aid, bid, abalance, filler) SELECT aid, (aid - 1) / 100000 + 1, 0, '' FROM generate_series(1, 100000) aid",
                "ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)",
                "ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)",
                "ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
        int clients = 4;
        int executions = 100;
        PgbenchSeeds seeds = PgbenchSeeds.of(2024, clients);
        Script tpcb = ScriptParser.parse(ScriptSource.builtin("tpcb-like"), Defines.of(List.of(), 1, seeds));
        long[] sqlNanos = new long[tpcb.commands().size()];
        ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor();
        List<Future<Integer>> done = new ArrayList<>();
        for (int id = 0; id < clients; id++) {
            ScriptClient client = tpcb.newClient(id, seeds.clientRandom(id));
            done.add(pool.submit(() -> {
                try (Connection own = bank.open()) {
                    RecordingLease lease = new RecordingLease(own);
                    for (int i = 0; i < executions; i++) {
                        client.execute(lease, (command, nanos) -> {
                            synchronized (sqlNanos) {
                                sqlNanos[command] += nanos;
                            }
                        });
                    }
                    return (int) lease.events().stream().filter(e -> e.what().equals("release") && !e.inTransaction()).count();
                }
            }));
        }
        for (Future<Integer> client : done) {
            assertThat(client.get(2, TimeUnit.MINUTES)).isEqualTo(executions);
        }
        pool.shutdown();

        try (Connection check = bank.open(); Statement statement = check.createStatement();
             ResultSet sums = statement.executeQuery("""
                     SELECT (SELECT sum(abalance) FROM pgbench_accounts), (SELECT sum(tbalance) FROM pgbench_tellers),
                            (SELECT sum(bbalance) FROM pgbench_branches), (SELECT sum(delta) FROM pgbench_history),
                            (SELECT count(*) FROM pgbench_history), (SELECT count(DISTINCT aid) FROM pgbench_history)""")) {
            assertThat(sums.next()).isTrue();
            long accounts = sums.getLong(1);
            assertThat(sums.getLong(2)).isEqualTo(accounts);
            assertThat(sums.getLong(3)).isEqualTo(accounts);
            assertThat(sums.getLong(4)).isEqualTo(accounts);
            assertThat(sums.getLong(5)).isEqualTo((long) clients * executions);
            assertThat(sums.getLong(6)).isGreaterThan(clients * executions * 9L / 10);
        }
        for (ScriptCommand command : tpcb.commands()) {
            assertThat(sqlNanos[command.index()]).as(command.text()).isPositive();
        }
    }

    private List<String> run(String text, int clientId) throws Exception {
        return run(text, Scripts.NO_DEFINES, clientId);
    }

    private List<String> run(String text, Defines defines, int clientId) throws Exception {
        List<String> shown = new ArrayList<>();
        Script script = Scripts.parse(text, defines);
        RecordingLease lease = new RecordingLease(connection);
        try {
            script.newClient(clientId, new SplittableRandom(1), line -> shown.add(line.substring(line.indexOf("): ") + 3)))
                    .execute(lease, StatementTimer.NONE);
        } finally {
            assertThat(lease.events()).allSatisfy(e -> assertThat(e.inTransaction()).isFalse());
        }
        return shown;
    }

    private static long count(String table) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
