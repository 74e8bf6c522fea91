package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.UsageException;
import io.dbsim.report.HtmlReport;
import io.dbsim.report.MarkdownReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Render a saved run (the JSON of 'dbsim run --json FILE') as a report for people.")
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN.json", description = "A run report written by 'dbsim run --json'.")
    Path source;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report with charts (opens offline).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the load test report in Markdown.")
    Path markdown;

    @Option(names = "--baseline", paramLabel = "RUN.json", description = "A previous run to compare with in the Markdown report.")
    Path baseline;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (html == null && markdown == null) {
            throw new UsageException("say which report to write: --html FILE, --md FILE, or both");
        }
        JsonNode run = read(source);
        JsonNode before = baseline == null ? null : read(baseline);
        if (html != null) {
            HtmlReport.write(run, html);
            spec.commandLine().getOut().println("HTML report: " + html);
        }
        if (markdown != null) {
            MarkdownReport.write(run, before, markdown);
            spec.commandLine().getOut().println("Markdown report: " + markdown);
        }
        return ExitCodes.OK;
    }

    static JsonNode read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist: give a run report written by 'dbsim run --json FILE'");
        }
        JsonNode run;
        try {
            run = new ObjectMapper().readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!"dbsim".equals(run.path("tool").asText()) || !run.has("summary") || !run.has("timeseries")) {
            throw new UsageException(file + " is not a dbsim run report: write one with 'dbsim run --json FILE'");
        }
        return run;
    }
}
