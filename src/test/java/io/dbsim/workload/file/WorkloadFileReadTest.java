package io.dbsim.workload.file;

import io.dbsim.UsageException;
import io.dbsim.workload.Command;
import io.dbsim.workload.CommandWork;
import io.dbsim.workload.Operation;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Workload files read and checked without a database: what they define, and mistakes at their file:line. */
class WorkloadFileReadTest {

    @Test
    void theExampleShopDefinesItsOperationsPatternsSamplesAndSetup() {
        WorkloadFile file = WorkloadFile.read(Path.of("workloads/orders.yaml"));

        assertThat(file.name()).isEqualTo("orders");
        assertThat(file.thinkTime()).isEqualTo(Duration.ofMillis(200));
        assertThat(file.setup()).containsExactly(Path.of("schema/examples/orders/migrations").toAbsolutePath());
        assertThat(file.samples()).extracting(s -> s.table() + "." + s.column() + " " + s.limit())
                .containsExactlyInAnyOrder("customers.id 2000", "orders.id 10000", "products.category 100");
        Workload workload = file.workload(Map.of(), 42);
        assertThat(workload.operations()).extracting(Operation::name).containsExactly("browse_products", "product_detail",
                "my_orders", "order_detail", "place_order", "ship_order", "signup");
        assertThat(workload.pattern(null).name()).isEqualTo("shop");
        assertThat(workload.pattern("shop").expectedShares(100).get("ship_order")).isCloseTo(0.05, within(1e-9));
        assertThat(workload.pattern("checkout")).isInstanceOfSatisfying(Pattern.OperationMix.class, mix -> assertThat(mix.flow()).isTrue());
        assertThat(workload.pattern(WorkloadFile.WEIGHTED).expectedShares(1)).containsOnlyKeys(workload.operations().stream()
                .map(Operation::name).toArray(String[]::new));
        CommandWork placeOrder = (CommandWork) workload.operations().get(4).work();
        assertThat(placeOrder.commands()).extracting(Command::line).containsExactly(36, 37);
    }

    @Test
    void operationWeightsMakeTheWeightedPatternAndFlowsStayInOrder(@TempDir Path dir) throws Exception {
        Path path = Files.writeString(dir.resolve("w.yaml"), """
                operations:
                  a: {sql: SELECT 1, weight: 3}
                  b: {sql: SELECT 2}
                  c: {sql: SELECT 3, weight: 0}
                patterns:
                  journey: {flow: [b, a, b]}
                default_pattern: weighted
                """);

        Workload workload = WorkloadFile.read(path).workload(Map.of(), 1);

        assertThat(workload.pattern(null).expectedShares(1)).containsExactly(Map.entry("a", 0.75), Map.entry("b", 0.25), Map.entry("c", 0.0));
        assertThat(((Pattern.OperationMix) workload.pattern("journey")).operations()).extracting(Operation::name)
                .containsExactly("b", "a", "b");
    }

    @Test
    void aParameterItsSqlDoesNotUseIsAMistakeAtItsLine(@TempDir Path dir) throws Exception {
        Path path = Files.writeString(dir.resolve("w.yaml"), """
                operations:
                  a:
                    sql: SELECT :x
                    parameters:
                      x: {random: uniform, min: 1, max: 9}
                      y: {random: uniform, min: 1, max: 9}
                """);

        assertThatThrownBy(() -> WorkloadFile.read(path)).isInstanceOf(UsageException.class)
                .hasMessage(path + ":6: parameter y of operation a is not used in its SQL: remove it, or write :y where its value goes");
    }

    @Test
    void aFakerExpressionDatafakerCannotResolveIsAMistakeAtItsLine(@TempDir Path dir) throws Exception {
        Path path = Files.writeString(dir.resolve("w.yaml"), """
                operations:
                  a:
                    sql: SELECT :n
                    parameters:
                      n: {faker: "#{Nobody.knows}"}
                """);

        assertThatThrownBy(() -> WorkloadFile.read(path)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith(path + ":5: parameter n: Datafaker cannot resolve \"#{Nobody.knows}\"");
    }
}
