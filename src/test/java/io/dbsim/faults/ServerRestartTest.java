package io.dbsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.cli.ExitCodes;
import io.dbsim.support.Chromium;
import io.dbsim.support.FaultServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** PostgreSQL restarted under a run (pg_ctl restart), as for a setting or a failover: the run lives through it and says so. */
class ServerRestartTest {

    @Test
    void aFastRestartIsAnOutageTheRunLivesThroughAndReportsWithItsRecoveryTime(@TempDir Path dir) throws Exception {
        Path html = dir.resolve("run.html");
        // 13 s after the restart to be back within 10% for two quarter-second samples in a row, on a shared machine: with
        // 9 s, a clean-clone verify once ended before the samples settled (not recovered, threshold failed, exit 99).
        // 4 s of work before it: the users' first operations take more than a second to finish on a loaded machine
        // (classes loading, nothing compiled yet), and with 2 s the restart's failures fell in the run's first samples,
        // before any baseline, where no outage can be found.
        FaultRun run = FaultRun.of(dir, FaultServer.get().database().jdbcUrl(), 18, Duration.ofSeconds(4),
                () -> FaultServer.get().restart("fast"), "--threshold", "recovery_time<30s", "--html", html.toString());

        assertThat(run.cli().exitCode()).as(run.cli().all()).isEqualTo(ExitCodes.OK);
        run.endedOnTimeWithCompleteReportAndNoBackendLeft();
        JsonNode outage = run.outage();
        assertThat(outage.path("failures_by_class").path("connection_lost").asLong())
                .as("the outage nearest the restart, of %s; the run's errors %s", run.outages(), run.report().path("summary").path("errors"))
                .isPositive();
        assertThat(outage.path("recovery_s").isNumber()).as(outage.toString()).isTrue();
        assertThat(outage.path("recovery_s").asDouble()).isLessThan(12);
        assertThat(outage.path("users_gave_up").asInt()).isBetween(1, 20);
        assertThat(run.outages().path("server_restarts").size()).isEqualTo(1);
        run.observerSampledAgainAfter(run.outages().path("server_restarts").get(0).path("at_s").asDouble());
        assertThat(run.report().path("verdict").asText()).isEqualTo("GO");
        assertThat(run.cli().out()).contains("outages").contains("server restarted").contains("recovered in");

        Optional<String> chromium = Chromium.find();
        if (chromium.isPresent()) {
            String dom = Chromium.dumpDom(chromium.get(), html);
            assertThat(Chromium.scriptErrors(dom)).isEmpty();
            assertThat(dom).containsPattern("data-charts-rendered=\"(\\d+)/\\1\"").contains("<h2>Outages</h2>")
                    .containsPattern("id=\"chart-throughput\"[^>]*data-outages=\"[1-9]");
        }
    }

    @Test
    void anImmediateRestartResetsTheStatisticsTheReportSaysSoAndAThresholdOnOutagesFailsTheRun(@TempDir Path dir) throws Exception {
        FaultRun run = FaultRun.of(dir, Duration.ofSeconds(3), () -> FaultServer.get().restart("immediate"),
                "--threshold", "outages<1");

        assertThat(run.cli().exitCode()).as(run.cli().all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        run.endedOnTimeWithCompleteReportAndNoBackendLeft();
        assertThat(run.outage().path("failures_by_class").path("connection_lost").asLong()).isPositive();
        assertThat(run.outages().path("server_restarts").size()).isEqualTo(1);
        assertThat(run.outages().path("counters_reset").toString()).contains("pg_stat_database").contains("pg_stat_user_tables");
        assertThat(run.report().path("notes").toString()).contains("count from then");
        assertThat(run.report().path("verdict").asText()).isEqualTo("NO-GO");
        assertThat(run.report().path("database").path("activity").path("commits").asLong()).isPositive();
    }
}
