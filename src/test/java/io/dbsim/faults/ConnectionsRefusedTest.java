package io.dbsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.cli.ExitCodes;
import io.dbsim.support.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.sql.Connection;
import java.sql.SQLException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server refuses new connections (max_connections reached: other clients hold every slot) while the run's own
 * connections are ended, so its pool can open none until the slots are given back 1.5 s later.
 */
class ConnectionsRefusedTest {

    @Test
    void aServerAtMaxConnectionsIsAnOutageOfRefusedConnectionsTheRunLivesThrough(@TempDir Path dir) throws Exception {
        List<Connection> held = new ArrayList<>();
        try {
            FaultRun run = FaultRun.of(dir, FaultServer.get().database().jdbcUrl(), 12, Duration.ofSeconds(3), () -> {
                takeEverySlotFromTheRun(held);
                Thread.sleep(1_500);
                closeAll(held);
            }, "--connection-timeout", "500ms");

            assertThat(run.cli().exitCode()).as(run.cli().all()).isEqualTo(ExitCodes.OK);
            run.endedOnTimeWithCompleteReportAndNoBackendLeft();
            JsonNode outage = run.outage();
            assertThat(outage.path("failures_by_class").path("connection_refused").asLong()).as(outage.toString()).isPositive();
            assertThat(outage.path("stalled").asBoolean()).isTrue();
            run.throughputCameBackAfter(outage);
            assertThat(run.report().path("bottlenecks").toString()).contains("errors_connection_refused");
        } finally {
            closeAll(held);
        }
    }

    /**
     * Ends the run's backends and takes the slots they leave, until the run holds none and the server refuses more.
     * The run's pool reconnects at once, and a backend still authenticating has no application name to be found by,
     * so the run holds none only once three looks 100 ms apart found none: with one look, a clean-clone verify once
     * left the pool a connection, and no connection was refused.
     */
    private static void takeEverySlotFromTheRun(List<Connection> held) throws SQLException, InterruptedException {
        FaultServer server = FaultServer.get();
        fill(server, held);
        Connection control = held.get(0);
        int quiet = 0;
        for (int round = 0; round < 100 && quiet < 3; round++) {
            quiet = FaultServer.terminate(control, "dbsim-run") > 0 ? 0 : quiet + 1;
            fill(server, held);
            if (quiet > 0) {
                Thread.sleep(100);
            }
        }
        assertThat(quiet).as("the run's pool kept reconnecting").isEqualTo(3);
    }

    private static void fill(FaultServer server, List<Connection> held) throws SQLException {
        while (held.size() < FaultServer.MAX_CONNECTIONS) {
            try {
                held.add(server.connect());
            } catch (SQLException e) {
                if ("53300".equals(e.getSQLState())) {
                    return;
                }
                throw e;
            }
        }
    }

    private static void closeAll(List<Connection> held) {
        for (Connection c : held) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // Giving the slot back either way.
            }
        }
        held.clear();
    }
}
