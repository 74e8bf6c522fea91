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

class CapacityCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aShortSweepOnRealPostgresGivesACapacityAnswerWithEveryField(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("sweep_capacity");
        Path sweep = dir.resolve("sweep.json");
        CliRun swept = CliRun.of("sweep", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--users", "1,2,3,4",
                "--step-duration", "1500ms", "--warm-up", "500ms", "--pattern", "read_heavy", "--paced-users", "40",
                "--json", sweep.toString());

        assertThat(swept.exitCode()).as(swept.all()).isEqualTo(ExitCodes.OK);
        assertThat(swept.out()).contains("step 4/4").contains("scalability (USL)");
        JsonNode paced = JSON.readTree(sweep.toFile()).path("paced");
        double peak = 0;
        for (JsonNode step : JSON.readTree(sweep.toFile()).path("steps")) {
            peak = Math.max(peak, step.path("throughput").asDouble());
        }
        assertThat(paced.size()).as(swept.all()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            JsonNode p = paced.path(i);
            double share = 0.25 * (i + 1);
            assertThat(p.path("peak_share").asDouble()).isEqualTo(share);
            assertThat(p.path("measured").path("users").asInt()).isBetween(1, 40);
            // Users thinking (users / (share × peak)) s each ask for share × peak operations a second.
            assertThat(p.path("think_time_ms").asDouble())
                    .isCloseTo(1000 * p.path("measured").path("users").asInt() / (share * peak), org.assertj.core.api.Assertions.within(1.0));
            assertThat(p.path("measured").path("hold_mean_ms").asDouble()).isPositive();
        }
        assertThat(swept.out()).contains("  paced: ");
        JsonNode steps = JSON.readTree(sweep.toFile()).path("steps");
        assertThat(steps.size()).isEqualTo(4);
        for (int i = 0; i < 4; i++) {
            assertThat(steps.path(i).path("users").asInt()).isEqualTo(i + 1);
            assertThat(steps.path(i).path("throughput").asDouble()).isPositive();
            assertThat(steps.path(i).path("busy_little").asDouble()).isPositive();
        }

        Path answer = dir.resolve("capacity.json");
        CliRun capacity = CliRun.of("capacity", "--from", sweep.toString(), "--target-users", "4000", "--think-time", "10s",
                "--p95-target", "500ms", "--json", answer.toString());

        assertThat(capacity.exitCode()).as(capacity.all()).isEqualTo(ExitCodes.OK);
        assertThat(capacity.out()).contains("Universal Scalability Law").contains("limits first").contains("back-test");
        JsonNode c = JSON.readTree(answer.toFile()).path("capacity");
        assertThat(c.path("weak").asBoolean()).isFalse();
        assertThat(c.path("model").path("lambda").asDouble()).isPositive();
        assertThat(c.path("model").path("r_squared").isNumber()).isTrue();
        assertThat(c.path("model").path("points").size()).isEqualTo(4);
        JsonNode target = c.path("target");
        assertThat(target.path("users").asInt()).isEqualTo(4000);
        assertThat(target.path("throughput_ops_per_sec").asDouble()).isPositive();
        // 4000 users thinking 10 s ask for at most 400 operations a second.
        assertThat(target.path("throughput_ops_per_sec").asDouble()).isLessThanOrEqualTo(400.0);
        assertThat(target.path("response_mean_ms").asDouble()).isPositive();
        assertThat(target.path("response_p95_ms").asDouble()).isGreaterThanOrEqualTo(target.path("response_mean_ms").asDouble());
        assertThat(c.path("max_users_meeting_target").asInt()).isPositive();
        assertThat(c.path("recommended_pool_size").asInt()).isPositive();
        assertThat(c.path("limit").asText()).isIn("none", "pool", "database", "load generator");
        assertThat(c.path("limit_reason").asText()).isNotEmpty();
        assertThat(c.path("range_ratio").asDouble()).isPositive();
        JsonNode backtest = c.path("backtest");
        assertThat(backtest.path("fitted_steps").asInt()).isEqualTo(3);
        assertThat(backtest.path("users").asInt()).isEqualTo(4);
        assertThat(backtest.path("measured_throughput").asDouble())
                .isCloseTo(steps.path(3).path("throughput").asDouble(), org.assertj.core.api.Assertions.within(0.01));
        assertThat(backtest.path("throughput_error_pct").isNumber()).isTrue();
        assertThat(c.path("warnings").isArray()).isTrue();
        JsonNode pacedHold = c.path("paced_hold");
        assertThat(pacedHold.path("points").size()).as(c.toString()).isEqualTo(3);
        assertThat(pacedHold.path("hold_factor").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(pacedHold.path("points").path(0).path("ratio").asDouble()).isGreaterThanOrEqualTo(1.0);
        assertThat(capacity.out()).contains("pauses: users who think wake a sleeping backend");
    }

    @Test
    void aSingleRunWithTargetUsersPrintsAnEstimateMarkedWeaker(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("single_estimate");
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--quick", "--think-time", "10ms",
                "--target-users", "500", "--json", json.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("capacity estimate from this one run (weaker").contains("optimistic upper bound");
        JsonNode c = JSON.readTree(json.toFile()).path("capacity");
        assertThat(c.path("weak").asBoolean()).isTrue();
        assertThat(c.path("target").path("users").asInt()).isEqualTo(500);
    }

    @Test
    void badSweepAndCapacityInputIsOneLineAndExitCodeTwo(@TempDir Path dir) throws Exception {
        CliRun missing = CliRun.of("capacity", "--from", dir.resolve("nope.json").toString(), "--target-users", "10");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("does not exist").doesNotContain("Exception");

        Path twoSteps = dir.resolve("two.json");
        Files.writeString(twoSteps, """
                {"schema_version": 1, "tool": "dbsim", "think_time_ms": 0, "steps": [
                 {"users": 1, "pool_size": 2, "operations": 100, "throughput": 100, "mean_ms": 10, "p95_ms": 20, "busy_little": 1},
                 {"users": 2, "pool_size": 2, "operations": 190, "throughput": 190, "mean_ms": 10, "p95_ms": 20, "busy_little": 1.9}]}
                """);
        CliRun tooFew = CliRun.of("capacity", "--from", twoSteps.toString(), "--target-users", "10");
        assertThat(tooFew.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(tooFew.err()).contains("at least 3 finished steps");

        CliRun both = CliRun.of("sweep", "--users", "10,20", "--pool-sizes", "5,10");
        assertThat(both.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(both.err()).contains("--pool-sizes sweeps the pool at one user count");
    }
}
