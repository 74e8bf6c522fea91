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

/**
 * The example workload file (workloads/orders.yaml) on the shop schema a test builds, not dbsim's member schema: a run
 * with its missing index found, a sweep with its capacity answer, and an A/B test of the index that fixes it.
 */
class WorkloadFileTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static List<String> args(String command, ConnectionInfo db, String... more) {
        List<String> args = new ArrayList<>(List.of(command, "--workload", OrdersDatabase.WORKLOAD, "--jdbc-url", db.jdbcUrl(),
                "--user", db.user(), "--progress", "60s"));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void aRunOfTheShopNamesItsOperationsAndStatementsAndFindsTheMissingIndex(@TempDir Path dir) throws Exception {
        ConnectionInfo db = OrdersDatabase.create("workload_file_run");
        long customersBefore = Long.parseLong(Sql.value(db, "SELECT count(*) FROM customers"));
        Path json = dir.resolve("run.json");

        CliRun run = CliRun.of(args("run", db, "-c", "6", "-T", "6", "--think-time", "0s", "-r", "--json", json.toString())
                .toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("workload: workload file orders").contains("pattern             shop");
        JsonNode report = JSON.readTree(json.toFile());
        List<String> operations = new ArrayList<>();
        report.path("operations").forEach(op -> {
            operations.add(op.path("name").asText());
            assertThat(op.path("failed").asLong()).as(op.toString()).isZero();
        });
        assertThat(operations).contains("browse_products", "product_detail", "my_orders", "order_detail", "place_order",
                "ship_order");
        assertThat(report.path("flows").path(0).path("name").asText()).isEqualTo("checkout");
        assertThat(ScriptRunTest.missingIndexes(report)).as(report.path("bottlenecks").toString())
                .contains("orders (customer_id) for my_orders");
        List<String> named = new ArrayList<>();
        report.path("statements").forEach(st -> named.add(st.path("operation").asText()));
        assertThat(named).contains("my_orders", "place_order", "browse_products");
        List<String> placeOrder = new ArrayList<>();
        report.path("commands").forEach(c -> {
            if (c.path("operation").asText().equals("place_order")) {
                placeOrder.add(c.path("line").asInt() + " " + c.path("command").asText());
            }
        });
        assertThat(placeOrder).containsExactly("36 INSERT INTO orders (customer_id, status, total) VALUES (:customer, 'new', :total);",
                "37 UPDATE customers SET last_order_at = now() WHERE id = :customer;");
        assertThat(Long.parseLong(Sql.value(db, "SELECT count(*) FROM customers"))).as("signups").isGreaterThanOrEqualTo(customersBefore);
        assertThat(Sql.value(db, "SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM customers c WHERE c.id = o.customer_id)"))
                .isEqualTo("0");
    }

    @Test
    void aRestoredRunSamplesTheRowsTheRestorePutBackNotTheOnesItTookAway(@TempDir Path dir) throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("sample_after_restore");
        TestPostgres.execute(db, "CREATE TABLE counters (id int PRIMARY KEY, hits int NOT NULL DEFAULT 0)",
                "INSERT INTO counters (id) SELECT generate_series(1, 50)");
        CliRun take = CliRun.of("snapshot", "take", "--jdbc-url", db.jdbcUrl(), "--user", db.user());
        assertThat(take.exitCode()).as(take.all()).isEqualTo(ExitCodes.OK);
        // None of the snapshot's rows are left: values sampled before the restore would name rows it takes away.
        TestPostgres.execute(db, "DELETE FROM counters", "INSERT INTO counters (id) SELECT generate_series(1001, 1050)");
        Path workload = dir.resolve("counters.yaml");
        Files.writeString(workload, """
                description: counters hit by id
                parameters:
                  id: {sample: {table: counters, column: id, limit: 100}}
                operations:
                  hit:
                    sql: UPDATE counters SET hits = hits + 1 WHERE id = :id
                """);
        Path json = dir.resolve("run.json");

        CliRun run = CliRun.of("run", "--workload", workload.toString(), "--jdbc-url", db.jdbcUrl(), "--user", db.user(),
                "--restore", "-c", "2", "-t", "25", "--think-time", "0s", "--json", json.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        long succeeded = JSON.readTree(json.toFile()).path("summary").path("succeeded").asLong();
        assertThat(succeeded).isEqualTo(50);
        assertThat(Sql.value(db, "SELECT max(id) FROM counters")).isEqualTo("50");
        assertThat(Sql.value(db, "SELECT sum(hits) FROM counters")).as("every update hit a row").isEqualTo("50");
    }

    @Test
    void aSweepOfTheShopGivesACapacityAnswer(@TempDir Path dir) throws Exception {
        ConnectionInfo db = OrdersDatabase.create("workload_file_sweep");
        Path json = dir.resolve("sweep.json");

        CliRun sweep = CliRun.of(args("sweep", db, "--pattern", "shoppers", "--users", "1,2,4", "--step-duration", "3s",
                "--warm-up", "1s", "--paced-users", "20", "--target-users", "20", "--target-think-time", "1s", "--json", json.toString())
                .toArray(String[]::new));

        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(ExitCodes.OK);
        JsonNode steps = JSON.readTree(json.toFile()).path("steps");
        assertThat(steps.size()).isEqualTo(3);
        steps.forEach(step -> assertThat(step.path("throughput").asDouble()).isPositive());
        assertThat(sweep.out()).contains("20 users");
    }

    @Test
    void anIndexAddedByACandidateMigrationMakesTheCustomersOrdersFasterAndIsTakenBack(@TempDir Path dir) throws Exception {
        ConnectionInfo db = OrdersDatabase.create("workload_file_ab");
        Path json = dir.resolve("ab.json");

        CliRun ab = CliRun.of(args("ab", db, "--pattern", "shoppers", "--candidate-migrations", OrdersDatabase.CANDIDATES,
                "--repeat", "1", "-c", "2", "--think-time", "0s", "--ramp-up", "0s", "--warm-up", "1s", "-T", "8", "--warm-up-run", "2s",
                "--json", json.toString()).toArray(String[]::new));

        assertThat(ab.exitCode()).as(ab.all()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(json.toFile());
        JsonNode statement = null;
        for (JsonNode row : report.path("rows")) {
            if ("my_orders".equals(row.path("operation").asText()) && row.path("metric").asText().equals("statement_mean")) {
                statement = row;
            }
        }
        assertThat(statement).as(report.path("rows").toString()).isNotNull();
        assertThat(statement.path("verdict").asText()).as(statement.toString()).isEqualTo("better");
        assertThat(statement.path("change_pct").asDouble()).isLessThan(-50);
        JsonNode plan = null;
        for (JsonNode p : report.path("plan_changes")) {
            if (p.path("operation").asText().equals("my_orders")) {
                plan = p;
            }
        }
        assertThat(plan).as(report.path("plan_changes").toString()).isNotNull();
        assertThat(plan.path("plan_before").asText()).contains("Seq Scan on orders");
        assertThat(plan.path("plan_after").asText()).contains("orders_customer_id_created_at_idx");
        assertThat(Sql.value(db, "SELECT to_regclass('orders_customer_id_created_at_idx') IS NULL")).as("left at A").isEqualTo("t");
        assertThat(Sql.value(db, "SELECT to_regclass('flyway_schema_history') IS NULL")).as("the application's history untouched")
                .isEqualTo("t");
    }
}
