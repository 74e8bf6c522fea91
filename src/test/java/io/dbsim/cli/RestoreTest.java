package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.DataChecksums;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Runs measure the same data: run --restore puts it back exactly, and sweep restores before every step by default. */
class RestoreTest {

    private static ConnectionInfo snapshotted(String purpose) {
        ConnectionInfo db = SeededDatabase.create(purpose);
        CliRun take = CliRun.of("snapshot", "take", "--jdbc-url", db.jdbcUrl(), "--user", db.user());
        assertThat(take.exitCode()).as(take.all()).isEqualTo(ExitCodes.OK);
        return db;
    }

    @Test
    void aRestoredRunStartsFromTheSnapshotsRowsExactlyAndTheReportSaysHowTheTablesMoved(@TempDir Path dir) throws Exception {
        ConnectionInfo db = snapshotted("restore_run");
        Map<String, String> seeded = DataChecksums.of(db);
        CliRun writing = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--pattern", "write_heavy", "-c", "4",
                "-T", "3", "--ramp-up", "0", "--think-time", "5ms", "--json", dir.resolve("writing.json").toString());
        assertThat(writing.exitCode()).as(writing.all()).isEqualTo(ExitCodes.OK);
        assertThat(DataChecksums.of(db)).isNotEqualTo(seeded);
        JsonNode members = table(dir.resolve("writing.json"), "members");
        assertThat(members.path("live_rows_at_start").asLong()).isEqualTo(5000);
        assertThat(members.path("live_rows").asLong()).isGreaterThan(5000);

        CliRun restored = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--restore", "--pattern", "pk_lookup",
                "-c", "1", "-t", "1", "--json", dir.resolve("restored.json").toString());
        assertThat(restored.exitCode()).as(restored.all()).isEqualTo(ExitCodes.OK);
        assertThat(restored.err()).contains("snapshot restored");
        assertThat(DataChecksums.of(db)).isEqualTo(seeded);
        assertThat(table(dir.resolve("restored.json"), "members").path("live_rows_at_start").asLong()).isEqualTo(5000);
    }

    @Test
    void aRunAskedToRestoreADatabaseWithoutASnapshotSaysHowToTakeOne() {
        ConnectionInfo db = SeededDatabase.create("restore_none");
        CliRun run = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--restore", "-c", "1", "-t", "1");
        assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILURE);
        assertThat(run.err()).contains("has no snapshot to restore").contains("dbsim snapshot take");
    }

    @Test
    void aSweepRestoresTheDataBeforeEveryStepByDefault() {
        ConnectionInfo db = snapshotted("restore_sweep");
        CliRun sweep = CliRun.of("sweep", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--pattern", "write_heavy",
                "--users", "1,2,3", "--step-duration", "1s", "--warm-up", "0s", "--paced-users", "0");
        assertThat(sweep.exitCode()).as(sweep.all()).isEqualTo(ExitCodes.OK);
        assertThat(sweep.err().lines().filter(l -> l.startsWith("sweep: step ") && l.contains("snapshot restored"))).hasSize(3);

        CliRun kept = CliRun.of("sweep", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--pattern", "write_heavy",
                "--users", "1,2,3", "--step-duration", "1s", "--warm-up", "0s", "--no-restore", "--paced-users", "0");
        assertThat(kept.err()).doesNotContain("snapshot restored");
    }

    private static JsonNode table(Path report, String name) throws Exception {
        for (JsonNode t : new ObjectMapper().readTree(report.toFile()).path("database").path("table_activity")) {
            if (t.path("table").asText().equals(name)) {
                return t;
            }
        }
        throw new AssertionError("no table " + name + " in " + report);
    }
}
