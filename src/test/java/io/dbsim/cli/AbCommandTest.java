package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.Chromium;
import io.dbsim.support.CliRun;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * `dbsim ab` and `dbsim compare` on a real PostgreSQL: a schema change that helps a search is found
 * better, one that hurts it worse, and a change that does nothing within noise.
 */
class AbCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Two users without think time: a search's latency is then mostly its own database time. */
    private static List<String> ab(ConnectionInfo db, Path json, String... more) {
        List<String> args = new ArrayList<>(List.of("ab", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--pattern", "read_heavy",
                "--users", "2", "--think-time", "0s", "--ramp-up", "0s", "--warm-up", "1s", "--duration", "12s",
                "--warm-up-run", "3s", "--progress", "60s", "--json", json.toString()));
        args.addAll(List.of(more));
        return args;
    }

    @Test
    void addingTheIndexASearchLacksMakesThatSearchFasterWithAVerdictOfBetterAndChangesItsPlan(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("ab_add_index");
        Path json = dir.resolve("ab.json");
        Path runs = dir.resolve("runs");
        CliRun run = CliRun.of(ab(db, json, "--candidate-migrations", "schema/candidates", "--repeat", "1",
                "--save-runs", runs.toString(), "--html", dir.resolve("ab.html").toString()).toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(json.toFile());
        JsonNode p50 = row(report, "search_members", "p50");
        assertThat(p50.path("verdict").asText()).as(p50.toString()).isEqualTo("better");
        assertThat(p50.path("change_pct").asDouble()).isLessThan(-20);
        assertThat(p50.path("ci_high_pct").asDouble()).isLessThan(0);
        JsonNode plan = plan(report, "search_members");
        assertThat(plan.path("plan_before").asText()).contains("Seq Scan on members");
        assertThat(plan.path("plan_after").asText()).contains("members_last_name_idx");
        assertThat(plan.path("cost_after").asDouble()).isLessThan(plan.path("cost_before").asDouble());
        assertThat(run.out()).contains("runs in ABBA order").contains("DROP INDEX IF EXISTS members_last_name_idx");
        assertThat(indexExists(db, "members_last_name_idx")).as("the database is left at A").isFalse();
        assertThat(Files.exists(runs.resolve("A1.json"))).isTrue();

        Optional<String> chromium = Chromium.find();
        if (chromium.isPresent()) {
            String dom = Chromium.dumpDom(chromium.get(), dir.resolve("ab.html"));
            assertThat(dom).contains("data-charts-rendered=\"3/3\"");
            assertThat(Chromium.scriptErrors(dom)).isEmpty();
        }

        Path md = dir.resolve("compare.md");
        CliRun compare = CliRun.of("compare", runs.resolve("A1.json").toString(), runs.resolve("B1.json").toString(),
                "--md", md.toString());
        assertThat(compare.exitCode()).as(compare.all()).isEqualTo(ExitCodes.OK);
        assertThat(compare.out()).contains("search_members").contains("batch means");
        assertThat(Files.readString(md)).contains("| search_members | p50 |").contains("**better**");

        ObjectNode moreUsers = (ObjectNode) JSON.readTree(runs.resolve("B1.json").toFile());
        ((ObjectNode) moreUsers.path("config")).put("users", 50);
        Path other = dir.resolve("other.json");
        JSON.writeValue(other.toFile(), moreUsers);
        CliRun refused = CliRun.of("compare", runs.resolve("A1.json").toString(), other.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(refused.err()).contains("users 2 -> 50").contains("--force").doesNotContain("Exception");
        CliRun forced = CliRun.of("compare", runs.resolve("A1.json").toString(), other.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.all()).isEqualTo(ExitCodes.OK);
        assertThat(forced.out()).contains("differences: users 2 -> 50");
    }

    @Test
    void droppingAnIndexTheSearchNeedsMakesItWorseFailsTheRegressionGateAndIsTakenBack(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("ab_drop_index");
        Path json = dir.resolve("ab.json");
        CliRun run = CliRun.of(ab(db, json, "--migrations", "schema/candidates",
                "--candidate-migrations", "src/test/resources/migrations/drop-member-search-indexes", "--repeat", "1",
                "--fail-on-regression", "10%").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        JsonNode report = JSON.readTree(json.toFile());
        JsonNode p50 = row(report, "search_members", "p50");
        assertThat(p50.path("verdict").asText()).as(p50.toString()).isEqualTo("worse");
        assertThat(p50.path("change_pct").asDouble()).isGreaterThan(20);
        assertThat(report.path("regression_gate").path("passed").asBoolean()).isFalse();
        assertThat(report.path("regression_gate").path("regressions").toString()).contains("search_members");
        assertThat(run.out()).contains("regression gate (worse by 10.0% or more): FAIL");
        assertThat(indexExists(db, "members_last_name_idx")).as("the dropped index is created again").isTrue();
        assertThat(indexExists(db, "members_status_classification_idx")).isTrue();
    }

    @Test
    void twoRunsOfTheSameThingAreWithinNoise(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("ab_same");
        Path change = Files.createDirectories(dir.resolve("nothing"));
        Files.writeString(change.resolve("V300__comment_only.sql"), "COMMENT ON TABLE members IS 'changes no plan';\n");
        Path json = dir.resolve("ab.json");
        CliRun run = CliRun.of(ab(db, json, "--candidate-migrations", change.toString(), "--repeat", "2",
                "--fail-on-regression", "10%").toArray(String[]::new));

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        JsonNode report = JSON.readTree(json.toFile());
        assertThat(report.path("pairs").asInt()).isEqualTo(2);
        assertThat(report.path("summary").path("better").asLong()).as(run.out()).isZero();
        assertThat(report.path("summary").path("worse").asLong()).as(run.out()).isZero();
        assertThat(report.path("summary").path("within_noise").asLong()).isGreaterThan(30);
        assertThat(row(report, "search_members", "p50").path("verdict").asText()).isEqualTo("within noise");
        assertThat(report.path("plan_changes")).isEmpty();
        assertThat(report.path("regression_gate").path("passed").asBoolean()).isTrue();
    }

    @Test
    void aChangeDbsimCannotUndoRunsAllARunsFirstAndSaysSo(@TempDir Path dir) throws Exception {
        ConnectionInfo db = SeededDatabase.create("ab_no_undo");
        Path change = Files.createDirectories(dir.resolve("data"));
        Files.writeString(change.resolve("V301__normalise_cities.sql"), "UPDATE members SET city = upper(city) WHERE id < 10;\n");
        Path json = dir.resolve("ab.json");
        CliRun run = CliRun.of("ab", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--candidate-migrations", change.toString(),
                "--repeat", "1", "--users", "2", "--duration", "3s", "--ramp-up", "0s", "--warm-up-run", "0s", "--json", json.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("the change cannot be undone").contains("U301__normalise_cities.sql")
                .contains("the database is left at B");
    }

    private static JsonNode row(JsonNode report, String operation, String metric) {
        for (JsonNode r : report.path("rows")) {
            if (operation.equals(r.path("operation").asText()) && metric.equals(r.path("metric").asText()) && r.path("query").isNull()) {
                return r;
            }
        }
        throw new AssertionError("no " + operation + " " + metric + " row in " + report.path("rows"));
    }

    private static JsonNode plan(JsonNode report, String operation) {
        for (JsonNode p : report.path("plan_changes")) {
            if (operation.equals(p.path("operation").asText())) {
                return p;
            }
        }
        throw new AssertionError("no plan change for " + operation + " in " + report.path("plan_changes"));
    }

    private static boolean indexExists(ConnectionInfo db, String name) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
