package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SeedCommandTest {

    @Test
    void seedMigratesSeedsAndRefusesToSeedTwiceWithoutReset() {
        ConnectionInfo db = TestPostgres.newDatabase("seed_cli");
        CliRun first = CliRun.of("seed", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--members", "2000", "--seed", "5");
        assertThat(first.exitCode()).as(first.all()).isEqualTo(ExitCodes.OK);
        assertThat(first.out()).contains("schema: at version 1").containsPattern("members\\s+2,000");

        CliRun second = CliRun.of("seed", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--members", "2000");
        assertThat(second.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(second.err()).contains("already holds data (organizations: 200 rows").contains("--reset");

        CliRun reset = CliRun.of("seed", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--members", "1000", "--reset");
        assertThat(reset.exitCode()).as(reset.all()).isEqualTo(ExitCodes.OK);
        assertThat(reset.out()).containsPattern("members\\s+1,000");
    }

    @Test
    void demoWithNoDatabaseConfiguredStartsItsOwn() {
        CliRun run = CliRun.of("demo", "--db", "embedded");
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("embedded PostgreSQL on 127.0.0.1:")
                .containsPattern("members\\s+5,000")
                .contains("largest employers");
    }
}
