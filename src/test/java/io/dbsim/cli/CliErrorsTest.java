package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CliErrorsTest {

    private static void assertOneLineWithoutStackTrace(CliRun run) {
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception");
    }

    @Test
    void unknownProfileIsAUsageError() {
        CliRun run = CliRun.of("seed", "--profile", "huge", "--jdbc-url", TestPostgres.server().jdbcUrl());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("unknown seed profile 'huge'").contains("small, medium, large");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void negativeCountIsAUsageError() {
        CliRun run = CliRun.of("seed", "--members", "-5", "--jdbc-url", TestPostgres.server().jdbcUrl());
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("members must be zero or more, got -5");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void nonPostgresUrlIsAUsageError() {
        CliRun run = CliRun.of("migrate", "--jdbc-url", "jdbc:mysql://localhost:3306/app");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("must be a PostgreSQL JDBC URL");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void unknownFlagIsAUsageErrorThatPointsToHelp() {
        CliRun run = CliRun.of("seed", "--membres", "5");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("--membres").contains("dbsim seed --help");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void unreachableServerIsARuntimeFailure() {
        CliRun run = CliRun.of("migrate", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/app", "--user", "app");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("cannot connect to 127.0.0.1:1/app");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void wrongPasswordSaysSoAndNeverPrintsThePassword() {
        ConnectionInfo admin = TestPostgres.server();
        TestPostgres.execute(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'alice') "
                + "THEN CREATE ROLE alice LOGIN PASSWORD 'right-Secret-9'; END IF; END $$");
        String url = admin.jdbcUrl().replaceFirst("\\?.*$", "");

        CliRun run = CliRun.of("migrate", "--jdbc-url", url, "--user", "alice", "--password", "wrong-Secret-7");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("authentication failed for user 'alice'");
        assertThat(run.all()).doesNotContain("wrong-Secret-7");
        assertOneLineWithoutStackTrace(run);

        CliRun verbose = CliRun.of("migrate", "--jdbc-url", url + "?password=wrong-Secret-7", "--user", "alice", "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(verbose.err()).contains("\tat ");
        assertThat(verbose.all()).doesNotContain("wrong-Secret-7");
    }

    @Test
    void containerWithoutDockerIsOneClearLine() {
        org.junit.jupiter.api.Assumptions.assumeFalse(io.dbsim.db.ContainerDatabase.dockerAvailable(),
                "a Docker engine is present: the container path is tested in ContainerDatabaseTest");
        CliRun run = CliRun.of("migrate", "--db", "container");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("needs a running Docker engine");
        assertOneLineWithoutStackTrace(run);
    }

    @Test
    void abAndCompareRefuseBadInputInOneLineBeforeTouchingADatabase() {
        CliRun noFolder = CliRun.of("ab", "--candidate-migrations", "no/such/folder");
        assertThat(noFolder.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noFolder.err()).contains("no/such/folder is not a folder");
        assertOneLineWithoutStackTrace(noFolder);

        CliRun noMigration = CliRun.of("ab", "--candidate-migrations", "seed");
        assertThat(noMigration.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(noMigration.err()).contains("holds no Flyway migration");

        CliRun threshold = CliRun.of("ab", "--candidate-migrations", "schema/candidates", "--threshold", "p95<1s");
        assertThat(threshold.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(threshold.err()).contains("--fail-on-regression");

        CliRun gate = CliRun.of("compare", "a.json", "b.json", "--fail-on-regression", "ten");
        assertThat(gate.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(gate.err()).contains("'ten' is not a percentage");
        assertOneLineWithoutStackTrace(gate);

        CliRun missing = CliRun.of("compare", "no-such-before.json", "no-such-after.json");
        assertThat(missing.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("no-such-before.json does not exist");
    }
}
