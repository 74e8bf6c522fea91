package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.DatabaseKind;
import io.dbsim.support.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProductionGuardTest {

    private static final String PAYLOAD = "jdbc:postgresql://db.example.com:5432/payload";

    private static void assertOneLine(CliRun run) {
        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void runRefusesADatabaseWhoseNameOnlyContainsATestWord() {
        CliRun run = CliRun.of("run", "--jdbc-url", PAYLOAD, "--quick");

        assertOneLine(run);
        assertThat(run.err()).startsWith("dbsim: refusing to load db.example.com:5432/payload, which does not look like a local "
                + "or test database").contains("add --force");
    }

    @Test
    void seedResetRefusesAProductionLookingDatabase() {
        CliRun run = CliRun.of("seed", "--reset", "--jdbc-url", PAYLOAD, "--password", "x");

        assertOneLine(run);
        assertThat(run.err()).startsWith("dbsim: refusing to reset db.example.com:5432/payload")
                .contains("add --force if you really mean to empty its tables (TRUNCATE ... CASCADE)");
    }

    @Test
    void forceLetsSeedResetThroughTheGuard() {
        DatabaseOptions options = new DatabaseOptions();
        options.kind = DatabaseKind.AUTO;
        options.jdbcUrl = PAYLOAD;
        options.password = "x";

        assertThatThrownBy(() -> RunTarget.refuseResetOfProductionLooking(options, false)).isInstanceOf(UsageException.class);
        assertThatCode(() -> RunTarget.refuseResetOfProductionLooking(options, true)).doesNotThrowAnyException();
    }
}
