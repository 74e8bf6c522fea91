package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.RunReports;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.report.ConsoleReport;
import io.dbsim.report.CsvReport;
import io.dbsim.report.HtmlReport;
import io.dbsim.report.JunitReport;
import io.dbsim.report.MarkdownReport;
import io.dbsim.segment.MergedFrom;
import io.dbsim.segment.RunMerge;
import io.dbsim.segment.SegmentSet;
import io.dbsim.segment.SegmentSource;
import io.dbsim.settings.Threshold;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(name = "merge", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Merge the segments of one test (the JSON files of 'dbsim run --segment I/N --json FILE') into the run "
                + "they make together: counts added, percentiles from the added histograms, time series aligned by wall clock, "
                + "the database as the first segment observed it; then reported, and its thresholds checked, as any run."})
final class MergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "SEGMENT.json|FOLDER", arity = "1..*",
            description = "The segments' files, or folders: every segment file in a folder is taken.")
    List<Path> inputs;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the merged run's report as JSON (format: reports/README.md).")
    Path json;

    @Option(names = "--html", paramLabel = "FILE", description = "Write the merged run's HTML report.")
    Path html;

    @Option(names = "--md", paramLabel = "FILE", description = "Write the merged run's load test report in Markdown.")
    Path markdown;

    @Option(names = "--csv", paramLabel = "DIR", description = "Write the merged run's CSV files into DIR.")
    Path csv;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the thresholds as a JUnit XML file, so CI systems show a NO-GO as failed tests.")
    Path junit;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "A pass/fail criterion on the merged run, as 'dbsim run' takes it (repeatable), beside the thresholds the "
                    + "segments' settings carry; any failure ends with exit code 99 and a NO-GO verdict.")
    List<String> thresholdFlags = new ArrayList<>();

    @Option(names = "--partial", description = "Merge the segments there are, leaving out the missing and the interrupted "
            + "(named in the report), instead of refusing.")
    boolean partial;

    @Option(names = "--wait", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Wait up to TIME for the test's segments to appear in the folders given, then merge: for a merge "
                    + "started beside the segments (default 0s: merge what is there).")
    Duration wait = Duration.ZERO;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OutputFiles.refuseFolder(json, "--json", "reports/run.json");
        OutputFiles.refuseFolder(html, "--html", "reports/run.html");
        OutputFiles.refuseFolder(markdown, "--md", "reports/run.md");
        OutputFiles.refuseFolder(junit, "--junit", "reports/thresholds.xml");
        if (csv != null && Files.isRegularFile(csv)) {
            throw new UsageException("--csv " + csv + " is a file: give a folder such as reports/run-csv");
        }
        List<Threshold> flags = thresholdFlags.stream().map(Threshold::parse).toList();
        PrintWriter out = spec.commandLine().getOut();
        SegmentSet set = SegmentSet.of(SegmentSource.load(inputs, wait, spec.commandLine().getErr()), partial);
        List<Threshold> thresholds = thresholds(set, flags);
        if (junit != null && thresholds.isEmpty()) {
            throw new UsageException("--junit writes the thresholds as tests: give --threshold (or segments of a scenario with thresholds)");
        }
        RunResult merged = RunMerge.of(set);
        requireMeasured(thresholds, merged);
        RunReport report = RunReports.of(merged, thresholds, null);
        out.println("merged " + set.merged().size() + " of " + set.count() + " segments of test " + set.test().id()
                + (set.partial() ? " (PARTIAL: left out " + String.join(", ", set.leftOut()) + ")" : ""));
        ConsoleReport.printAll(out, report);
        if (json != null) {
            MergedFrom.of(set).write(report, json);
            out.println("JSON report: " + json);
        }
        if (html != null) {
            HtmlReport.write(report, html);
            out.println("HTML report: " + html);
        }
        if (markdown != null) {
            MarkdownReport.write(report, null, markdown);
            out.println("Markdown report: " + markdown);
        }
        if (csv != null) {
            CsvReport.write(report, csv);
            out.println("CSV files: " + csv);
        }
        if (junit != null) {
            JunitReport.write(report, junit);
            out.println("JUnit XML: " + junit);
        }
        return report.thresholds() != null && !report.go() ? ExitCodes.THRESHOLDS_FAILED : ExitCodes.OK;
    }

    /** A threshold on an operation the segments did not run is a typo to refuse, never a silent pass. */
    private static void requireMeasured(List<Threshold> thresholds, RunResult merged) {
        List<String> names = merged.operations().stream().map(OperationMetrics.Summary::name).toList();
        for (Threshold t : thresholds) {
            if (t.operation() != null && !names.contains(t.operation())) {
                throw new UsageException("threshold '" + t.expression() + "': the segments ran no operation '" + t.operation()
                        + "': they ran " + String.join(", ", names));
            }
        }
    }

    /** The test's own thresholds (its scenario's, as the segments carry them), then those given here; each once. */
    private static List<Threshold> thresholds(SegmentSet set, List<Threshold> flags) {
        Map<String, Threshold> byExpression = new LinkedHashMap<>();
        set.merged().forEach(g -> g.segment().wholeTest().thresholds().forEach(t -> byExpression.putIfAbsent(t.expression(), t)));
        flags.forEach(t -> byExpression.putIfAbsent(t.expression(), t));
        return List.copyOf(byExpression.values());
    }
}
