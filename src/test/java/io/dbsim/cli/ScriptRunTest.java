package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.OrdersDatabase;
import io.dbsim.support.Sql;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** pgbench scripts run by `dbsim run -f` on a database of their own, not dbsim's member schema. */
class ScriptRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> run(ConnectionInfo db, Path json, String... more) {
        List<String> args = new ArrayList<>(List.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--progress", "60s",
                "--json", json.toString()));
        args.addAll(List.of(more));
        return args;
    }

    private static JsonNode operation(JsonNode report, String name) {
        for (JsonNode op : report.path("operations")) {
            if (op.path("name").asText().equals(name)) {
                return op;
            }
        }
        throw new AssertionError("no operation " + name + " in " + report.path("operations"));
    }

    /** Each missing-index finding as "table (columns) for operation". */
    static List<String> missingIndexes(JsonNode report) {
        List<String> found = new ArrayList<>();
        for (JsonNode f : report.path("bottlenecks")) {
            if (f.path("kind").asText().equals("missing_index")) {
                List<String> columns = new ArrayList<>();
                f.path("figures").path("columns").forEach(c -> columns.add(c.asText()));
                found.add(f.path("figures").path("table").asText() + " (" + String.join(", ", columns) + ") for "
                        + f.path("figures").path("operation").asText());
            }
        }
        return found;
    }

    @Test
    void scriptsRunByTheirWeightsEachUserAClientWithItsVariablesAndEachCommandTimed(@TempDir Path dir) throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("scripts_weights");
        TestPostgres.execute(db, "CREATE TABLE ran (script text, client int, scale int, greeting text, chained int)");
        Path a = Files.writeString(dir.resolve("a.sql"), """
                \\set unused 1
                SELECT :client_id * 10 AS base \\gset
                INSERT INTO ran VALUES ('a', :client_id, :scale, :greeting, :base + 1);
                """);
        Path b = Files.writeString(dir.resolve("b.sql"), "INSERT INTO ran VALUES ('b', :client_id, :scale, :greeting, NULL);\n");
        Path json = dir.resolve("run.json");

        CliRun run = CliRun.of(run(db, json, "-f", a + "@3", "-f", b + "@1", "-D", "greeting=hello", "-s", "7", "-c", "4",
                "-t", "200", "-r").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("workload: pgbench scripts").contains("command latencies in milliseconds")
                .contains("INSERT INTO ran VALUES ('a', :client_id, :scale, :greeting, :base + 1);");
        assertThat(Sql.value(db, "SELECT count(*) FROM ran")).isEqualTo("800");
        long ranA = Long.parseLong(Sql.value(db, "SELECT count(*) FROM ran WHERE script = 'a'"));
        assertThat(ranA).as("weight 3 of 4").isBetween(560L, 640L);
        assertThat(Sql.rows(db, "SELECT client, count(*) FROM ran GROUP BY client ORDER BY client"))
                .containsExactly("0 200", "1 200", "2 200", "3 200");
        assertThat(Sql.rows(db, "SELECT DISTINCT scale, greeting FROM ran")).containsExactly("7 hello");
        assertThat(Sql.value(db, "SELECT count(*) FROM ran WHERE script = 'a' AND chained = client * 10 + 1")).isEqualTo(Long.toString(ranA));

        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("config").path("pattern").asText()).isEqualTo("scripts");
        assertThat(operation(report, "a").path("succeeded").asLong()).isEqualTo(ranA);
        assertThat(operation(report, "b").path("succeeded").asLong()).isEqualTo(800 - ranA);
        List<String> commands = new ArrayList<>();
        for (JsonNode c : report.path("commands")) {
            commands.add(c.path("operation").asText() + " " + c.path("index").asInt() + " line " + c.path("line").asInt() + " "
                    + c.path("completed").asLong() + " " + c.path("failed").asLong());
            assertThat(c.path("latency_ms").path("mean").asDouble()).isGreaterThanOrEqualTo(0);
        }
        assertThat(commands).containsExactly("a 0 line 1 " + ranA + " 0", "a 1 line 2 " + ranA + " 0", "a 2 line 3 " + ranA + " 0",
                "b 0 line 1 " + (800 - ranA) + " 0");
    }

    @Test
    void aScriptsStatementIsNamedAfterItAndItsMissingIndexFound(@TempDir Path dir) throws Exception {
        ConnectionInfo db = OrdersDatabase.create("scripts_missing_index");
        Path script = Files.writeString(dir.resolve("recent-orders.sql"), """
                \\set c random(1, 2000)
                SELECT id, status FROM orders WHERE customer_id = :c ORDER BY created_at DESC LIMIT 10;
                """);
        Path json = dir.resolve("run.json");

        CliRun run = CliRun.of(run(db, json, "-f", script.toString(), "-c", "2", "-T", "3", "--threshold", "recent-orders.p95<10s")
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("recent-orders.p95<10s").contains("verdict: GO");
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(missingIndexes(report)).as(report.path("bottlenecks").toString())
                .contains("orders (customer_id) for recent-orders");
        boolean named = false;
        for (JsonNode st : report.path("statements")) {
            named |= st.path("operation").asText().equals("recent-orders") && st.path("query").asText().contains("customer_id = $1");
        }
        assertThat(named).as(report.path("statements").toString()).isTrue();
    }

    @Test
    void eachQueryModeReachesTheServerAsPgbenchsDoesAndUntypedValuesWorkInEvery(@TempDir Path dir) throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("scripts_modes");
        TestPostgres.execute(db, "CREATE TABLE modes (mode text, placeholders boolean, prepared bigint, repeated text, rounded numeric)");
        // The statement reads its own text as the server got it: $n placeholders, or the values written in.
        Path script = Files.writeString(dir.resolve("modes.sql"), """
                \\set n 3
                \\set d 2.345
                INSERT INTO modes VALUES (:mode,
                    (SELECT position('$' || '1' in query) > 0 FROM pg_stat_activity WHERE pid = pg_backend_pid()),
                    (SELECT count(*) FROM pg_prepared_statements), repeat('x', :n), round(:d, 2));
                """);
        for (String mode : List.of("simple", "extended", "prepared")) {
            Path json = dir.resolve(mode + ".json");
            CliRun run = CliRun.of(run(db, json, "-f", script.toString(), "-M", mode, "-D", "mode=" + mode, "-c", "1", "-t", "3",
                    "--pool-size", "1").toArray(String[]::new));
            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
            assertThat(JSON.readTree(json.toFile()).path("config").path("query_mode").asText()).isEqualTo(mode);
            assertThat(run.out()).contains("query mode          " + mode + " (pgbench -M " + mode);
        }

        assertThat(Sql.rows(db, "SELECT mode, bool_and(placeholders), max(prepared) > 0, min(repeated), min(rounded) FROM modes "
                + "GROUP BY mode ORDER BY mode")).containsExactly(
                "extended t f xxx 2.35",
                "prepared t t xxx 2.35",
                "simple f f xxx 2.35");
    }

    @Test
    void operationsSlowerThanTheLatencyLimitAreCountedLateAndArrivalsBehindScheduleSkipped(@TempDir Path dir) throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("scripts_latency_limit");
        Path script = Files.writeString(dir.resolve("slow.sql"), """
                \\if :client_id = 0
                SELECT pg_sleep(0.25);
                \\else
                SELECT 1;
                \\endif
                """);
        Path closed = dir.resolve("closed.json");
        CliRun run = CliRun.of(run(db, closed, "-f", script.toString(), "-c", "2", "-t", "8", "-L", "150").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(closed.toFile());
        assertThat(report.path("config").path("latency_limit_ms").asDouble()).isEqualTo(150.0);
        JsonNode limit = report.path("summary").path("latency_limit");
        assertThat(limit.path("late").asLong()).isEqualTo(8);
        assertThat(limit.path("late_pct").asDouble()).isEqualTo(50.0);
        assertThat(limit.path("skipped").isNull()).isTrue();
        assertThat(operation(report, "slow").path("late").asLong()).isEqualTo(8);
        assertThat(run.out()).contains("late                8 of 16 succeeded (50.000%) took longer than the 150ms latency limit");

        Path open = dir.resolve("open.json");
        CliRun rate = CliRun.of(run(db, open, "-f", script.toString(), "--rate", "200/s", "-T", "2", "-L", "0.001")
                .toArray(String[]::new));

        assertThat(rate.exitCode()).as(rate.all()).isEqualTo(ExitCodes.OK);
        JsonNode openLimit = JSON.readTree(open.toFile()).path("summary").path("latency_limit");
        long skipped = openLimit.path("skipped").asLong();
        long ran = JSON.readTree(open.toFile()).path("summary").path("operations").asLong();
        assertThat(skipped).as("arrivals more than 1 us behind schedule").isPositive();
        assertThat(openLimit.path("skipped_pct").asDouble()).isCloseTo(100.0 * skipped / (skipped + ran), within(0.001));
        assertThat(rate.out()).contains("arrivals not run: already more than");
    }
}
