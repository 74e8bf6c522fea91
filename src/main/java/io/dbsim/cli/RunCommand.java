package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.analysis.BaselineComparison;
import io.dbsim.analysis.LiveThresholds;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.RunReports;
import io.dbsim.analysis.SweepSteps;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.engine.IntervalLogRecorder;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.engine.TestShare;
import io.dbsim.experiment.BeforeRun;
import io.dbsim.report.CapacityConsole;
import io.dbsim.report.live.LiveMetrics;
import io.dbsim.report.live.SeriesLabels;
import io.dbsim.report.ConsoleReport;
import io.dbsim.report.CsvReport;
import io.dbsim.report.HdrLog;
import io.dbsim.report.HtmlReport;
import io.dbsim.report.JunitReport;
import io.dbsim.report.JsonReport;
import io.dbsim.report.MarkdownReport;
import io.dbsim.report.ProgressLine;
import io.dbsim.segment.IntervalHistograms;
import io.dbsim.segment.SegmentFile;
import io.dbsim.segment.SegmentRecord;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import io.dbsim.settings.Threshold;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Simulate application users against the database and report how it and the pool held up.",
            "Closed model (--users, --ops or --duration, --stages) or open model (--rate). The users run dbsim's member",
            "workload on a seeded database, or your own: pgbench scripts (-f, -b) or a workload file (--workload) on any",
            "PostgreSQL database. With no database given, an embedded PostgreSQL is started: migrated and seeded with the",
            "small profile for the member workload, given pgbench's tables for -b, built from a workload file's setup:."})
final class RunCommand implements java.util.concurrent.Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    RunOptions options;

    @Mixin
    WorkloadOptions workloadOptions;

    @Mixin
    SegmentOptions segments;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the report as JSON (format: reports/README.md).")
    Path json;

    @Option(names = "--target-users", paramLabel = "N",
            description = "Also estimate this many users (same think time) from this one run: a weaker answer than "
                    + "'dbsim sweep' and 'dbsim capacity', marked as such.")
    Integer targetUsers;

    @Option(names = "--p95-target", paramLabel = "TIME", defaultValue = "500ms", converter = DurationConverter.class,
            description = "Response-time target for --target-users: the largest user count whose p95 stays under it (default ${DEFAULT-VALUE}).")
    Duration p95Target;

    @Option(names = "--html", paramLabel = "FILE",
            description = "Also write a self-contained HTML report with charts (opens offline).")
    Path html;

    @Option(names = "--md", paramLabel = "FILE",
            description = "Also write the load test report in Markdown (summary, targets, errors, bottlenecks, GO/NO-GO).")
    Path markdown;

    @Option(names = "--baseline", paramLabel = "RUN.json",
            description = "A previous run's JSON report to compare with in the Markdown report.")
    Path baseline;

    @Option(names = "--csv", paramLabel = "DIR",
            description = "Also write timeseries.csv, operations.csv and statements.csv into DIR.")
    Path csv;

    @Option(names = "--hdr-log", paramLabel = "FILE",
            description = "Also write an HdrHistogram interval log (latencies per operation and interval, microseconds).")
    Path hdrLog;

    @Option(names = "--junit", paramLabel = "FILE",
            description = "Also write the thresholds as a JUnit XML file, so CI systems show a NO-GO as failed tests.")
    Path junit;

    @Option(names = "--restore", description = "Put the data back from its snapshot first (taken by 'dbsim seed' or 'dbsim snapshot "
            + "take'), so this run measures the same rows as the last one did.")
    boolean restore;

    @Option(names = "--force", description = "Run against a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        WorkloadSource source = workloadOptions.source();
        RunSettings config = options.settings(source.defaults());
        Workload known = source.checked(config.pattern());
        known.requireKnown(config.thresholds());
        config = config.withPattern(known.pattern(config.pattern()).name());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        OutputFiles.refuseFolder(json, "--json", "reports/run.json");
        OutputFiles.refuseFolder(html, "--html", "reports/run.html");
        OutputFiles.refuseFolder(markdown, "--md", "reports/run.md");
        OutputFiles.refuseFolder(hdrLog, "--hdr-log", "reports/run.hlog");
        OutputFiles.refuseFolder(junit, "--junit", "reports/thresholds.xml");
        if (junit != null && config.thresholds().isEmpty()) {
            throw new UsageException("--junit writes the thresholds as tests: give --threshold (or a scenario with thresholds)");
        }
        if (csv != null && Files.isRegularFile(csv)) {
            throw new UsageException("--csv " + csv + " is a file: give a folder such as reports/run-csv");
        }
        RunReport baselineRun = baseline == null ? null : JsonReport.read(baseline);
        segments.check(database, json);
        if (segments.segmented() && targetUsers != null) {
            throw new UsageException("--target-users estimates from a whole run: leave it out of a segment");
        }
        if (segments.segmented() && junit != null) {
            throw new UsageException("a segment checks no threshold: give --junit to 'dbsim merge', which checks them on the whole test");
        }
        if (segments.segmented() && restore) {
            throw new UsageException("--restore in every segment would restore the data N times: run 'dbsim snapshot restore' "
                    + "once before the segments start");
        }
        RunTarget.refuseProductionLooking(database, force);
        try (LiveMetrics live = LiveMetrics.serve(config.metrics(), SeriesLabels.of(config, segments.segment().orElse(Segment.WHOLE)),
                out);
             Database db = database.open()) {
            ConnectionInfo connection = db.connection();
            out.println("database: " + db.description());
            out.println("workload: " + source.description());
            BeforeRun dataReady = restore ? label -> DataRestore.required(connection, err) : BeforeRun.NOTHING;
            Workload workload = source.prepare(db, database, config, WorkloadSource.clients(config), dataReady, err);
            Pattern chosen = workload.pattern(config.pattern());
            config = config.withPattern(chosen.name());
            IntervalLogRecorder intervals = new IntervalLogRecorder();
            IntervalHistograms timeline = new IntervalHistograms();
            TestShare share = segments.share(config);
            // A segment's share of the load says nothing about the test's thresholds: 'dbsim merge' checks them on the whole.
            List<Threshold> checked = segments.segmented() ? List.of() : config.thresholds();
            LiveThresholds watch = new LiveThresholds(checked, config.warmUp());
            List<RunListener> listeners = new ArrayList<>(List.of(new ProgressLine(err), new StartLine(err, share.segment()),
                    live.listener()));
            if (hdrLog != null) {
                listeners.add(intervals);
            }
            if (segments.segmented()) {
                listeners.add(timeline);
            }
            if (watch.watching()) {
                listeners.add(watch);
            }
            Simulation simulation = new Simulation(share, workload, chosen, connection,
                    RunListener.all(listeners.toArray(RunListener[]::new)));
            watch.whenFailed(simulation::abort);
            try (StopOnSignal onSignal = new StopOnSignal(simulation::stop, err)) {
                RunResult result = simulation.run();
                RunReport report = RunReports.of(result, checked, null, watch.stoppedBy().orElse(null));
                ConsoleReport.print(out, report);
                if (targetUsers != null) {
                    report = report.withCapacity(CapacitySection.of(singleRunEstimate(result)));
                    CapacityConsole.print(out, report.capacity());
                }
                if (report.thresholds() != null) {
                    ConsoleReport.printVerdict(out, report);
                }
                if (json != null && segments.segmented()) {
                    SegmentRecord segment = SegmentRecord.of(share, result, timeline.points());
                    SegmentFile.write(report, segment, json);
                    out.println("segment " + segment.label() + " of test " + segment.test().id() + ": " + json
                            + (config.thresholds().isEmpty() ? "" : " (its thresholds are checked by 'dbsim merge' on the whole test)"));
                } else if (json != null) {
                    JsonReport.write(report, json);
                    out.println("JSON report: " + json);
                }
                if (html != null) {
                    HtmlReport.write(report, html);
                    out.println("HTML report: " + html);
                }
                if (markdown != null) {
                    MarkdownReport.write(report, baselineRun == null ? null : BaselineComparison.of(baselineRun, report), markdown);
                    out.println("Markdown report: " + markdown);
                }
                if (csv != null) {
                    CsvReport.write(report, csv);
                    out.println("CSV files: " + csv);
                }
                if (hdrLog != null) {
                    HdrLog.write(intervals.intervals(), result.startedAt(), hdrLog);
                    out.println("HdrHistogram log: " + hdrLog);
                }
                if (junit != null) {
                    JunitReport.write(report, junit);
                    out.println("JUnit XML: " + junit);
                }
                if (report.thresholds() != null && !report.go()) {
                    return ExitCodes.THRESHOLDS_FAILED;
                }
            }
        }
        return ExitCodes.OK;
    }

    private CapacityPlan singleRunEstimate(RunResult result) {
        SweepStep measured = SweepSteps.from(result);
        if (measured.busyLittle() <= 0) {
            throw new DbsimException("--target-users: the run completed no operation to estimate from");
        }
        double think = result.config().thinkTime().toNanos() / 1e9;
        return CapacityPlanner.fromSingleRun(measured, think, targetUsers, think, p95Target.toNanos() / 1e6, null);
    }
}
