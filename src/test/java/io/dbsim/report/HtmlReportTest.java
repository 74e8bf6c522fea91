package io.dbsim.report;

import io.dbsim.analysis.Bottlenecks;
import io.dbsim.cli.ExitCodes;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.Chromium;
import io.dbsim.support.CliRun;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The HTML report checked in a real headless browser: it loads, runs without script errors, and draws every chart. */
class HtmlReportTest {

    @Test
    void theHtmlReportOpensOfflineInChromiumWithEveryChartDrawnAndNoScriptError(@TempDir Path dir) throws Exception {
        Optional<String> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium); .ci/run installs it");
        ConnectionInfo db = SeededDatabase.create("html_report");
        Path html = dir.resolve("run.html");
        Path json = dir.resolve("run.json");
        CliRun run = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--users", "6", "--duration", "3s",
                "--think-time", "5ms", "--target-users", "1000", "--threshold", "p95<10s", "--html", html.toString(),
                "--json", json.toString());
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http");

        String dom = Chromium.dumpDom(chromium.get(), html);
        assertThat(dom).contains("data-charts-rendered=\"8/8\"");
        assertThat(Chromium.scriptErrors(dom)).isEmpty();
        assertThat(dom).contains("Thresholds").contains("Bottlenecks").contains("Top statements").contains("Capacity");

        Path again = dir.resolve("again.html");
        CliRun rendered = CliRun.of("report", json.toString(), "--html", again.toString());
        assertThat(rendered.exitCode()).as(rendered.all()).isEqualTo(ExitCodes.OK);
        assertThat(Chromium.dumpDom(chromium.get(), again)).contains("data-charts-rendered=\"8/8\"");
    }
}
