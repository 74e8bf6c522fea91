package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.BaselineComparison;
import io.dbsim.analysis.RunReport;
import io.dbsim.report.ConsoleReport;
import io.dbsim.report.CsvReport;
import io.dbsim.report.HtmlReport;
import io.dbsim.report.JsonReport;
import io.dbsim.report.MarkdownReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "report", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Render a saved run (the JSON of 'dbsim run --json FILE') as the reports a live run gives: the console "
                + "report (the default, or with --console), the HTML and Markdown reports, the CSV files."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN.json", description = "A run report written by 'dbsim run --json'.")
    Path source;

    @Option(names = "--console", description = "Print the console report (the default when no file is asked for).")
    boolean console;

    @Option(names = "--html", paramLabel = "FILE", description = "Write a self-contained HTML report with charts (opens offline).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the load test report in Markdown.")
    Path markdown;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write timeseries.csv, operations.csv and statements.csv into DIR.")
    Path csv;

    @Option(names = "--baseline", paramLabel = "RUN.json", description = "A previous run to compare with in the Markdown report.")
    Path baseline;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFiles.refuseFolder(html, "--html", "reports/run.html");
        OutputFiles.refuseFolder(markdown, "--md", "reports/run.md");
        if (csv != null && Files.isRegularFile(csv)) {
            throw new UsageException("--csv " + csv + " is a file: give a folder such as reports/run-csv");
        }
        if (baseline != null && markdown == null) {
            throw new UsageException("--baseline is compared in the Markdown report: add --md FILE");
        }
        RunReport run = JsonReport.read(source);
        RunReport before = baseline == null ? null : JsonReport.read(baseline);
        PrintWriter out = spec.commandLine().getOut();
        if (console || (html == null && markdown == null && csv == null)) {
            ConsoleReport.printAll(out, run);
        }
        if (html != null) {
            HtmlReport.write(run, html);
            out.println("HTML report: " + html);
        }
        if (markdown != null) {
            MarkdownReport.write(run, before == null ? null : BaselineComparison.of(before, run), markdown);
            out.println("Markdown report: " + markdown);
        }
        if (csv != null) {
            CsvReport.write(run, csv);
            out.println("CSV files: " + csv);
        }
        return ExitCodes.OK;
    }
}
