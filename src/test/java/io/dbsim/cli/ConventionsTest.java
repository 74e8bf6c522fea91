package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The habits users bring from pgbench and k6 work unchanged: plain seconds, k6 thresholds, abortOnFail, JUnit XML. */
class ConventionsTest {

    private static ConnectionInfo db;

    @BeforeAll
    static void seed() {
        db = SeededDatabase.create("conventions");
    }

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "run";
        all[1] = "--jdbc-url";
        all[2] = db.jdbcUrl();
        all[3] = "--user=" + db.user();
        System.arraycopy(args, 0, all, 4, args.length);
        return CliRun.of(all);
    }

    @Test
    void pgbenchsPlainSecondsRunForThatLongAndPrintProgressAtThatPace(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        CliRun r = run("-c", "2", "-T", "4", "-P", "1", "--ramp-up", "0", "--pattern", "pk_lookup", "--think-time", "5ms",
                "--json", json.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("config").path("duration_s").asDouble()).isEqualTo(4.0);
        assertThat(root.path("elapsed_s").asDouble()).isBetween(3.9, 6.0);
        assertThat(r.err().lines().filter(l -> l.startsWith("progress: "))).hasSizeBetween(3, 5);
    }

    @Test
    void aK6ThresholdThatFailsIsNoGoWithItsJUnitCaseFailed(@TempDir Path dir) throws Exception {
        Path xml = dir.resolve("thresholds.xml");
        CliRun r = run("-c", "2", "-T", "2", "--ramp-up", "0", "--pattern", "pk_lookup", "--think-time", "5ms",
                "--threshold", "p(95)<0.001", "--threshold", "rate<0.5", "--junit", xml.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        assertThat(r.out()).contains("verdict: NO-GO (1 of 2 thresholds failed)");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suite = (Element) doc.getElementsByTagName("testsuite").item(0);
        assertThat(suite.getAttribute("tests")).isEqualTo("2");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        NodeList cases = doc.getElementsByTagName("testcase");
        assertThat(((Element) cases.item(0)).getAttribute("name")).isEqualTo("p(95)<0.001");
        assertThat(((Element) cases.item(0)).getElementsByTagName("failure").getLength()).isEqualTo(1);
        assertThat(((Element) cases.item(1)).getElementsByTagName("failure").getLength()).isZero();
    }

    @Test
    void abortOnFailStopsTheRunOnceTheThresholdFailsAndSaysSo(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        CliRun r = run("-c", "2", "-T", "60", "--ramp-up", "0", "--pattern", "pk_lookup", "--think-time", "5ms",
                "--threshold", "p95<0.001ms,abortOnFail,delayAbortEval=2s", "--json", json.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.THRESHOLDS_FAILED);
        JsonNode root = new ObjectMapper().readTree(json.toFile());
        assertThat(root.path("elapsed_s").asDouble()).isLessThan(10);
        assertThat(root.path("aborted_by").asText()).startsWith("p95<0.001ms failed at");
        assertThat(r.out()).contains("stopped early: threshold p95<0.001ms failed at");
        assertThat(root.path("verdict").asText()).isEqualTo("NO-GO");
    }

    @Test
    void theWarmUpShowsAsWarmUpWhileTheDatabaseIsBusy(@TempDir Path dir) throws Exception {
        Path json = dir.resolve("run.json");
        CliRun r = run("-c", "2", "-T", "5", "-P", "1", "--warm-up", "3s", "--ramp-up", "0", "--pattern", "pk_lookup",
                "--think-time", "5ms", "--json", json.toString());

        assertThat(r.exitCode()).as(r.all()).isEqualTo(ExitCodes.OK);
        String firstProgress = r.err().lines().filter(l -> l.startsWith("progress: ")).findFirst().orElseThrow();
        assertThat(firstProgress).contains("(warm-up, not measured)").doesNotContain(" 0.0 ops/s");
        JsonNode first = new ObjectMapper().readTree(json.toFile()).path("timeseries").path(0);
        assertThat(first.path("ops").asLong()).isZero();
        assertThat(first.path("warm_up_ops_per_sec").asDouble()).isPositive();
    }

    @Test
    void zeroAndMissingUnitsAreUsageErrorsBeforeAnyDatabase() {
        CliRun zero = CliRun.of("run", "--duration", "0s");
        assertThat(zero.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(zero.err()).contains("--duration must be longer than 0s").doesNotContain("database:");
        CliRun abort = CliRun.of("run", "--threshold", "pool_wait.p95<5ms,abortOnFail");
        assertThat(abort.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(abort.err()).contains("abortOnFail is checked during the run");
    }
}
