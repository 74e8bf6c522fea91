package io.dbsim.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.cli.ExitCodes;
import io.dbsim.support.CliRun;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class StatementsUnavailableTest {

    @Test
    void withoutPgStatStatementsPreloadedTheRunCompletesAndSaysHowToEnableIt(@TempDir Path dir) throws Exception {
        try (EmbeddedPostgres plain = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1").start()) {
            String url = plain.getJdbcUrl("postgres", "postgres");
            CliRun seed = CliRun.of("seed", "--jdbc-url", url, "--user", "postgres", "--profile", "small");
            assertThat(seed.exitCode()).as(seed.all()).isEqualTo(ExitCodes.OK);
            Path json = dir.resolve("run.json");

            CliRun run = CliRun.of("run", "--jdbc-url", url, "--user", "postgres", "--quick", "--think-time", "10ms",
                    "--json", json.toString());

            assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
            assertThat(run.out()).contains("operations          200")
                    .contains("shared_preload_libraries = 'pg_stat_statements'")
                    .contains("CREATE EXTENSION pg_stat_statements");
            JsonNode root = new ObjectMapper().readTree(json.toFile());
            assertThat(root.path("database").path("pg_stat_statements").asBoolean()).isFalse();
            assertThat(root.path("statements").isNull()).isTrue();
            assertThat(root.path("notes").toString()).contains("shared_preload_libraries");
            assertThat(root.path("database").path("activity").path("commits").asLong()).isPositive();
        }
    }
}
