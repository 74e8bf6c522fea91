package io.dbsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.cli.ExitCodes;
import io.dbsim.support.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** Every one of the run's backends ended by pg_terminate_backend, as a DBA or a failover script does. */
class KilledBackendsTest {

    @Test
    void killedBackendsAreAnOutageOfLostConnectionsWithoutARestart(@TempDir Path dir) throws Exception {
        FaultRun run = FaultRun.of(dir, Duration.ofSeconds(3), () -> assertThat(FaultServer.get().terminate("dbsim-run")).isPositive());

        assertThat(run.cli().exitCode()).as(run.cli().all()).isEqualTo(ExitCodes.OK);
        run.endedOnTimeWithCompleteReportAndNoBackendLeft();
        JsonNode outage = run.outage();
        long lost = outage.path("failures_by_class").path("connection_lost").asLong();
        assertThat(lost).as(outage.toString()).isBetween(1L, 10L);
        // Distinct users: one whose next connection from the pool was a killed idle one fails twice, and counts once. A
        // user's failure can land in the sample after the outage's last (its spell still reaches into the outage), so the
        // bound is the run's failures, not the outage's.
        long lostInRun = run.report().path("summary").path("errors").path("connection_lost").asLong();
        assertThat(outage.path("users_gave_up").asLong()).as(outage.toString()).isBetween(1L, lostInRun);
        run.throughputCameBackAfter(outage);
        assertThat(run.outages().path("server_restarts").size()).isZero();
        assertThat(run.report().path("summary").path("retries").asLong()).isZero();
        // What the driver said, once: PostgreSQL's own words for a killed backend, or pgjdbc's for the broken socket.
        String first = run.report().path("summary").path("first_errors").path("connection_lost").asText();
        assertThat(first).matches(".+ \\(SQLSTATE (57P01|08\\d{3})\\)");
        assertThat(run.cli().out()).contains("the first: " + first);
    }

    @Test
    void withARetryPolicyTheLostConnectionsAreRetriedAndCountedApartFromFailures(@TempDir Path dir) throws Exception {
        FaultRun run = FaultRun.of(dir, Duration.ofSeconds(3), () -> assertThat(FaultServer.get().terminate("dbsim-run")).isPositive(),
                "--retry-connection-loss", "3");

        assertThat(run.cli().exitCode()).as(run.cli().all()).isEqualTo(ExitCodes.OK);
        run.endedOnTimeWithCompleteReportAndNoBackendLeft();
        JsonNode summary = run.report().path("summary");
        assertThat(summary.path("retries_by_class").path("connection_lost").asLong()).as(summary.toString()).isPositive();
        assertThat(summary.path("retries").asLong()).isEqualTo(summary.path("retries_by_class").path("connection_lost").asLong());
        assertThat(summary.path("errors").path("connection_lost").asLong()).as(summary.toString()).isZero();
        assertThat(run.report().path("config").path("retry_connection_loss").asInt()).isEqualTo(3);
        assertThat(run.cli().out()).contains("retried             connection_lost");
    }
}
