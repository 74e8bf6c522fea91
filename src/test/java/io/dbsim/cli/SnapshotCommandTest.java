package io.dbsim.cli;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.DataChecksums;
import io.dbsim.support.SeededDatabase;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotCommandTest {

    @Test
    void badInputIsOneLineAndExitCode2() {
        ConnectionInfo empty = TestPostgres.newDatabase("snap_cli_bad");
        String[][] cases = {
            {"snapshot"},
            {"snapshot", "take", "--db", "embedded"},
            {"snapshot", "restore", "--jdbc-url", "jdbc:postgresql://db.internal.example.com:5432/members"},
            {"snapshot", "take", "--tables", "members,,students", "--jdbc-url", empty.jdbcUrl(), "--user", empty.user()},
            {"snapshot", "take", "--tables", "no_such_table", "--jdbc-url", empty.jdbcUrl(), "--user", empty.user()},
            {"snapshot", "take", "--jdbc-url", empty.jdbcUrl(), "--user", empty.user()},
            {"snapshot", "restore", "--jdbc-url", empty.jdbcUrl(), "--user", empty.user()},
            {"snapshot", "take", "--bogus"}};
        String[] says = {"a subcommand is needed", "a snapshot needs a database that outlives the command", "does not look like a local",
            "--tables has an empty name", "no table no_such_table", "no tables to snapshot", "no data snapshot", "Unknown option"};
        for (int i = 0; i < cases.length; i++) {
            CliRun run = CliRun.of(cases[i]);
            assertThat(run.exitCode()).as(String.join(" ", cases[i]) + ": " + run.all()).isEqualTo(ExitCodes.USAGE);
            assertThat(run.err().strip()).as(String.join(" ", cases[i])).contains(says[i]).doesNotContain("\n");
        }
    }

    @Test
    void takeStatusRestoreAndDropOnASeededDatabase() {
        ConnectionInfo db = SeededDatabase.create("snap_cli");
        String[] target = {"--jdbc-url", db.jdbcUrl(), "--user", db.user()};
        CliRun take = CliRun.of(concat(new String[] {"snapshot", "take"}, target));
        assertThat(take.exitCode()).as(take.all()).isEqualTo(ExitCodes.OK);
        assertThat(take.out()).contains("snapshot taken: 6 tables, 17,254 rows, 6 sequences");
        assertThat(take.err()).contains("snapshot: members 5,000 rows");
        Map<String, String> atSnapshot = DataChecksums.of(db);

        CliRun again = CliRun.of(concat(new String[] {"snapshot", "take"}, target));
        assertThat(again.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(again.err()).contains("already holds a data snapshot").contains("--replace");

        TestPostgres.execute(db, "UPDATE organizations SET city = 'Nowhere'");
        CliRun status = CliRun.of(concat(new String[] {"snapshot", "status"}, target));
        assertThat(status.out()).containsPattern("organizations\\s+200\\s+changed")
                .containsPattern("members\\s+5,000\\s+unchanged").contains("by dbsim snapshot take");

        CliRun restore = CliRun.of(concat(new String[] {"snapshot", "restore"}, target));
        assertThat(restore.exitCode()).as(restore.all()).isEqualTo(ExitCodes.OK);
        assertThat(restore.out()).contains("snapshot restored: 3 of 6 tables (9,772 rows)");
        assertThat(restore.err()).contains("restore: organizations 200 rows").contains("restore: member_employments 9,022 rows");
        assertThat(DataChecksums.of(db)).isEqualTo(atSnapshot);

        CliRun drop = CliRun.of(concat(new String[] {"snapshot", "drop"}, target));
        assertThat(drop.out()).contains("snapshot dropped");
        assertThat(CliRun.of(concat(new String[] {"snapshot", "status"}, target)).out()).contains("no data snapshot");
    }

    @Test
    void seedTakesTheSnapshotByDefaultNotWithNoSnapshotAndResetReplacesIt() {
        ConnectionInfo db = TestPostgres.newDatabase("snap_seed");
        String[] target = {"--jdbc-url", db.jdbcUrl(), "--user", db.user()};
        CliRun seed = CliRun.of(concat(new String[] {"seed", "--members", "1000", "--organizations", "50"}, target));
        assertThat(seed.exitCode()).as(seed.all()).isEqualTo(ExitCodes.OK);
        assertThat(seed.err()).contains("snapshot taken: 6 tables");
        assertThat(CliRun.of(concat(new String[] {"snapshot", "status"}, target)).out())
                .contains("by dbsim seed (profile small, seed 42)").containsPattern("members\\s+1,000\\s+unchanged");

        CliRun reset = CliRun.of(concat(new String[] {"seed", "--reset", "--members", "2000", "--seed", "7"}, target));
        assertThat(reset.exitCode()).as(reset.all()).isEqualTo(ExitCodes.OK);
        assertThat(CliRun.of(concat(new String[] {"snapshot", "status"}, target)).out())
                .contains("(profile small, seed 7)").containsPattern("members\\s+2,000\\s+unchanged");

        CliRun without = CliRun.of(concat(new String[] {"seed", "--reset", "--no-snapshot", "--members", "1500"}, target));
        assertThat(without.exitCode()).as(without.all()).isEqualTo(ExitCodes.OK);
        assertThat(without.err()).contains("snapshot: none taken (--no-snapshot)");
        assertThat(DataChecksums.scalar(db, "SELECT count(*) FROM pg_namespace WHERE nspname = 'dbsim_snapshot'"))
                .as("the previous seed's snapshot is gone with its data").isZero();
    }

    private static String[] concat(String[] a, String[] b) {
        String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
