package io.dbsim.report;

import io.dbsim.cli.ExitCodes;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The HTML report checked in a real headless browser: it loads, runs without script errors, and draws every chart. */
class HtmlReportTest {

    @Test
    void theHtmlReportOpensOfflineInChromiumWithEveryChartDrawnAndNoScriptError(@TempDir Path dir) throws Exception {
        Optional<String> chromium = chromium();
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

        String dom = dumpDom(chromium.get(), html);
        assertThat(dom).contains("data-charts-rendered=\"7/7\"");
        Matcher errors = java.util.regex.Pattern.compile("<pre id=\"script-errors\"[^>]*>([^<]*)</pre>").matcher(dom);
        assertThat(errors.find()).isTrue();
        assertThat(errors.group(1)).isEmpty();
        assertThat(dom).contains("Thresholds").contains("Bottlenecks").contains("Top statements").contains("Capacity");

        Path again = dir.resolve("again.html");
        CliRun rendered = CliRun.of("report", json.toString(), "--html", again.toString());
        assertThat(rendered.exitCode()).as(rendered.all()).isEqualTo(ExitCodes.OK);
        assertThat(dumpDom(chromium.get(), again)).contains("data-charts-rendered=\"7/7\"");
    }

    private static String dumpDom(String chromium, Path html) throws Exception {
        Process p = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom",
                html.toUri().toString()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(90, TimeUnit.SECONDS)).isTrue();
        return new String(out, StandardCharsets.UTF_8);
    }

    private static Optional<String> chromium() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
                if (Files.isExecutable(Path.of(dir, name))) {
                    return Optional.of(Path.of(dir, name).toString());
                }
            }
        }
        return Optional.empty();
    }
}
