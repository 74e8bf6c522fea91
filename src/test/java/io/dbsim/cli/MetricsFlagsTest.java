package io.dbsim.cli;

import io.dbsim.support.CliRun;
import io.dbsim.support.FreePort;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

/** A metrics endpoint that cannot be served is one line and exit 2, before any database work. */
class MetricsFlagsTest {

    /** Nothing listens here: a command that got as far as the database would fail with exit 1, not 2. */
    private static final String NO_DATABASE = "jdbc:postgresql://127.0.0.1:1/app_test";

    private static void assertRefusedBeforeTheDatabase(CliRun run, String message) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(message);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("Exception").doesNotContain("database:");
    }

    @Test
    void aPortInUseIsRefusedByRunSweepAndAb() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            String port = Integer.toString(taken.getLocalPort());
            String inUse = "127.0.0.1:" + port + " is already in use: choose another port";

            assertRefusedBeforeTheDatabase(CliRun.of("run", "--jdbc-url", NO_DATABASE, "--quick", "--metrics-port", port), inUse);
            assertRefusedBeforeTheDatabase(CliRun.of("sweep", "--jdbc-url", NO_DATABASE, "--users", "1,2", "--metrics-port", port),
                    inUse);
            assertRefusedBeforeTheDatabase(CliRun.of("ab", "--jdbc-url", NO_DATABASE, "--candidate-migrations", "schema/candidates",
                    "--metrics-port", port), inUse);
        }
    }

    @Test
    void anAddressThatIsNotThisMachinesOrNotAnAddressIsRefused() {
        String port = Integer.toString(FreePort.next());
        assertRefusedBeforeTheDatabase(CliRun.of("run", "--jdbc-url", NO_DATABASE, "--metrics-port", port, "--metrics-bind",
                "192.0.2.1"), "--metrics-bind 192.0.2.1 is not an address of this machine");
        assertRefusedBeforeTheDatabase(CliRun.of("run", "--jdbc-url", NO_DATABASE, "--metrics-port", port, "--metrics-bind",
                "300.1.2.3"), "--metrics-bind '300.1.2.3' is not an address");
        assertRefusedBeforeTheDatabase(CliRun.of("run", "--jdbc-url", NO_DATABASE, "--metrics-port", "0"),
                "--metrics-port must be a TCP port from 1 to 65535, got 0");
    }
}
