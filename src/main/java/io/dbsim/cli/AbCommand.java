package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.RunSample;
import io.dbsim.db.CandidateMigrations;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.Migrator;
import io.dbsim.experiment.AbExperiment;
import io.dbsim.experiment.ExperimentListener;
import io.dbsim.report.live.LiveMetrics;
import io.dbsim.report.live.SeriesLabels;
import io.dbsim.report.JsonReport;
import io.dbsim.settings.RunSettings;
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
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "ab", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Test a schema change under load before it ships: run the scenario on the current schema (A), apply "
                + "the candidate Flyway migrations (B), run it again with the same seed and key sequence, and compare, with "
                + "the statements whose plans changed.",
            "",
            "With --repeat N the runs alternate in ABBA order (A B, B A, A B, ...) when the change can be undone: by the "
                + "folder's U<version>__*.sql undo scripts, or by dbsim for created or dropped indexes, created tables, added "
                + "columns and constraints. Otherwise all A runs come first, and the report says so. The database is left "
                + "at A when the change can be undone.",
            "",
            "Exit codes: 0 no regression, 99 a regression beyond --fail-on-regression, 2 bad input, 1 failure."})
final class AbCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--candidate-migrations", paramLabel = "DIR", required = true,
            description = "Folder of the Flyway migrations to test (B), e.g. schema/candidates.")
    Path candidates;

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Extra Flyway migration folders that belong to the current schema (A), applied first (repeatable).")
    List<Path> baseFolders = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "3",
            description = "A/B pairs to run (default ${DEFAULT-VALUE}); the noise between pairs joins the noise inside runs.")
    int repeat;

    @Option(names = "--warm-up-run", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "Before the first run, run the scenario at A this long unmeasured, so that neither side pays for "
                    + "the simulator's JIT and cold caches (default ${DEFAULT-VALUE}; 0s for none).")
    Duration warmUpRun;

    @Option(names = "--save-runs", paramLabel = "DIR", description = "Also write each run's JSON report (A1.json, B1.json, ...) into DIR.")
    Path saveRuns;

    @Option(names = "--no-restore", description = "Do not put the data back from its snapshot before each run (the default when "
            + "the database has one), so A and B measure the same rows.")
    boolean noRestore;

    @Option(names = "--force", description = "Run against a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    RunOptions options;

    @Mixin
    WorkloadOptions workloadOptions;

    @Mixin
    ComparisonOutputs outputs;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (repeat < 1) {
            throw new UsageException("--repeat must be 1 or more, got " + repeat);
        }
        outputs.check();
        CandidateMigrations change = CandidateMigrations.read(candidates);
        WorkloadSource source = workloadOptions.source();
        for (Path folder : baseFolders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--migrations " + folder + " is not a folder of Flyway migrations");
            }
        }
        if (saveRuns != null && Files.isRegularFile(saveRuns)) {
            throw new UsageException("--save-runs " + saveRuns + " is a file: give a folder such as reports/ab-runs");
        }
        RunSettings config = options.settings(source.defaults());
        if (options.anyThresholdFlag()) {
            throw new UsageException("ab compares A with B and does not check --threshold: gate it with --fail-on-regression 10%, "
                    + "or check thresholds with 'dbsim run'");
        }
        config = config.withPattern(source.checked(config.pattern()).pattern(config.pattern()).name());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunTarget.refuseProductionLooking(database, force);
        try (LiveMetrics live = LiveMetrics.serve(config.metrics(), SeriesLabels.of(config), out);
             Database db = database.open()) {
            ConnectionInfo connection = db.connection();
            out.println("database: " + db.description());
            out.println("workload: " + source.description());
            Workload workload = source.prepare(db, database, config, WorkloadSource.clients(config),
                    DataRestore.firstIfRead(source, connection, noRestore, err), err);
            Migrator migrator = source.migrator(connection);
            List<String> base = baseFolders.stream().map(Path::toString).toList();
            Pattern pattern = workload.pattern(config.pattern());
            config = config.withPattern(pattern.name());
            List<String> withChange = new ArrayList<>(base);
            withChange.add(candidates.toString());
            try (Connection c = connection.open("dbsim-ab")) {
                if (change.appliedIn(c, migrator.historyTable())) {
                    throw new DbsimException("the database already has migrations from " + candidates + " applied (" + String.join(", ",
                            change.scripts()) + "): take them back, or use a fresh database, so that A is the schema without them");
                }
                migrator.migrate(base);
                CandidateMigrations.Undo undo = change.undo(c, migrator.historyTable());
                AbExperiment experiment = new AbExperiment(config, workload, pattern, connection, migrator, withChange, change, undo, c,
                        candidates.toString(), warmUpRun, repeat, listener(err, live), DataRestore.beforeEachRun(connection, noRestore, err));
                try (StopOnSignal onSignal = new StopOnSignal(experiment::stop, err)) {
                    AbExperiment.Outcome outcome;
                    try {
                        outcome = experiment.run();
                    } finally {
                        String left = experiment.backToA();
                        if (left != null) {
                            out.println(left);
                        }
                    }
                    return report(out, outcome);
                }
            } catch (SQLException e) {
                throw DatabaseErrors.explain(e, connection);
            }
        }
    }

    private ExperimentListener listener(PrintWriter err, LiveMetrics live) {
        return new ConsoleExperimentListener(err, live.listener()) {
            @Override
            public void runDone(String label, RunReport report) {
                if (saveRuns != null) {
                    JsonReport.write(report, saveRuns.resolve(label + ".json"));
                }
            }
        };
    }

    private int report(PrintWriter out, AbExperiment.Outcome e) {
        int pairs = Math.min(e.a().size(), e.b().size());
        if (pairs == 0) {
            throw new DbsimException("stopped before a complete A/B pair: nothing to compare");
        }
        List<RunSample> a = e.a().subList(0, pairs);
        List<RunSample> b = e.b().subList(0, pairs);
        List<String> notes = new ArrayList<>(e.notes());
        if (pairs < repeat) {
            notes.add("stopped early: " + pairs + " of " + repeat + " pairs compared");
        }
        Comparison comparison = Comparison.of(a, b, true).with(e.planChanges(), notes);
        return outputs.report(out, comparison, a.get(0), b.get(0));
    }
}
