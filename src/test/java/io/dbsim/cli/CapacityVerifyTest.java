package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CapacityVerifyTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void verifyRunsTheTargetOnRestoredDataAndWritesEveryFieldOfTheVerification(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("capacity_verify");
        CliRun snapshot = CliRun.of("snapshot", "take", "--jdbc-url", db.jdbcUrl(), "--user", db.user());
        assertThat(snapshot.exitCode()).as(snapshot.all()).isEqualTo(ExitCodes.OK);
        Path sweep = dir.resolve("sweep.json");
        CliRun swept = CliRun.of("sweep", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--users", "1,2,3,4",
                "--step-duration", "1500ms", "--warm-up", "500ms", "--pattern", "read_heavy", "--paced-users", "40",
                "--json", sweep.toString());
        assertThat(swept.exitCode()).as(swept.all()).isEqualTo(ExitCodes.OK);
        JsonNode step = JSON.readTree(sweep.toFile()).path("steps").path(0);
        assertThat(step.path("live_rows_at_start").asLong()).isPositive();
        assertThat(step.path("live_rows_at_end").asLong()).isPositive();
        assertThat(step.path("host_cpu_pct").isNumber()).isTrue();

        Path answer = dir.resolve("capacity.json");
        CliRun verified = CliRun.of("capacity", "--from", sweep.toString(), "--target-users", "40", "--think-time", "50ms",
                "--pool-size", "4", "--verify", "--verify-duration", "2s", "--verify-warm-up", "1s", "--jdbc-url", db.jdbcUrl(),
                "--user", db.user(), "--json", answer.toString(), "--html", dir.resolve("capacity.html").toString());

        assertThat(verified.exitCode()).as(verified.all()).isEqualTo(ExitCodes.OK);
        assertThat(verified.err()).contains("verify: 40 users thinking 50ms, pool 4").contains("restored");
        assertThat(verified.out()).contains("verification: the answer").contains("throughput ops/s").contains("hold mean ms").contains("simulator CPU");
        assertThat(verified.out().indexOf("verification: the answer")).isLessThan(verified.out().indexOf("capacity (Universal"));
        assertThat(verified.out()).contains("HTML report: " + dir.resolve("capacity.html"));
        assertThat(Files.readString(dir.resolve("capacity.html"))).contains("Predicted and measured at the target")
                .contains("id=\"chart-verification\"");
        JsonNode v = JSON.readTree(answer.toFile()).path("verification");
        assertThat(v.path("users").asInt()).isEqualTo(40);
        assertThat(v.path("pool_size").asInt()).isEqualTo(4);
        assertThat(v.path("think_time_ms").asDouble()).isEqualTo(50.0);
        assertThat(v.path("measured_seconds").asDouble()).isBetween(1.5, 3.0);
        assertThat(v.path("operations").asLong()).isPositive();
        // 40 users each thinking 50 ms between operations ask for at most 800 a second.
        assertThat(v.path("throughput").path("measured").asDouble()).isPositive().isLessThanOrEqualTo(800.0);
        for (String figure : new String[] {"throughput", "response_mean_ms", "response_p95_ms", "pool_wait_mean_ms", "hold_mean_ms"}) {
            JsonNode f = v.path(figure);
            assertThat(f.path("predicted").isNumber()).as(figure).isTrue();
            assertThat(f.path("measured").isNumber()).as(figure).isTrue();
            assertThat(f.path("error_pct").isNumber()).as(figure).isTrue();
        }
        // Rounded to thousandths, figures of several units still give their error to within a tenth of a percent.
        for (String figure : new String[] {"throughput", "response_mean_ms"}) {
            JsonNode f = v.path(figure);
            double expectedError = 100 * (f.path("predicted").asDouble() - f.path("measured").asDouble()) / f.path("measured").asDouble();
            assertThat(f.path("error_pct").asDouble()).as(figure).isCloseTo(expectedError, org.assertj.core.api.Assertions.within(0.1));
        }
        assertThat(v.path("throughput_at_measured_simulator_cpu").path("predicted").asDouble()).isPositive();
        assertThat(v.path("expected_simulator_cpu_pct").asDouble()).isPositive();
        assertThat(JSON.readTree(answer.toFile()).path("capacity").path("host_cpu").path("capacity_factor").asDouble())
                .isBetween(0.0, 1.5);
        assertThat(v.path("throughput").path("low").isNumber()).isTrue();
        assertThat(v.path("throughput").path("inside").isBoolean()).isTrue();
        assertThat(v.path("response_mean_ms").path("measured").asDouble()).isPositive();
        assertThat(v.path("simulator_cpu_pct").isNumber()).isTrue();
        assertThat(v.path("sweep_simulator_cpu_pct_max").isNumber()).isTrue();
        assertThat(v.path("host_cpu_pct").isNumber()).isTrue();
        assertThat(v.path("data_growth_pct").isNumber()).isTrue();
        assertThat(v.path("held").isBoolean()).isTrue();
        assertThat(v.path("verdict").asText()).startsWith(v.path("held").asBoolean() ? "the answer held" : "the answer did NOT hold");
        assertThat(v.path("causes").isArray()).isTrue();
        assertThat(v.path("causes").isEmpty()).isEqualTo(v.path("held").asBoolean());
        JsonNode capacity = JSON.readTree(answer.toFile()).path("capacity");
        assertThat(capacity.path("target").path("users").asInt()).isEqualTo(40);
        if (!v.path("held").asBoolean()) {
            assertThat(capacity.path("doubt").asText()).isEqualTo(v.path("verdict").asText());
            assertThat(capacity.path("warnings").path(0).asText()).isEqualTo(v.path("verdict").asText());
        }
    }

    @Test
    void verifyWithoutADatabaseOrBeyondWhatTheJvmCarriesIsOneLineAndExitCodeTwo(@TempDir Path dir) {
        Path sweep = dir.resolve("sweep.json");
        CliRun noDatabase = CliRun.of("capacity", "--from", sweep.toString(), "--target-users", "100", "--verify");
        assertThat(noDatabase.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noDatabase.err().strip()).startsWith("dbsim: --verify runs the target on the database the sweep measured: "
                + "give it with --jdbc-url").doesNotContain("Exception").doesNotContain("\n");

        String url = "jdbc:postgresql://127.0.0.1:1/test_db";
        CliRun heap = CliRun.of("capacity", "--from", sweep.toString(), "--target-users", "100000000", "--verify",
                "--jdbc-url", url);
        assertThat(heap.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(heap.err()).contains("--verify: this JVM cannot carry the target: 100,000,000 users need about")
                .contains("DBSIM_JAVA_OPTS=-Xmx").doesNotContain("Exception");
        assertThat(heap.err().strip().lines().count()).isEqualTo(1);

        CliRun files = CliRun.of("capacity", "--from", sweep.toString(), "--target-users", "100", "--pool-size", "2000000000",
                "--verify", "--jdbc-url", url);
        assertThat(files.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(files.err()).contains("--verify: this JVM cannot carry the target: a pool of 2,000,000,000 needs")
                .contains("ulimit");
    }
}
