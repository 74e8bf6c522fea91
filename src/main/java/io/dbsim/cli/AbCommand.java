package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.DbsimException;
import io.dbsim.Text;
import io.dbsim.UsageException;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.PlanChange;
import io.dbsim.analysis.compare.RunSample;
import io.dbsim.db.CandidateMigrations;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.Migrator;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.observe.PlanOutline;
import io.dbsim.report.JsonReport;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunConfig;
import io.dbsim.workload.CapturedStatement;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Patterns;
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
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

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

    @Option(names = "--force", description = "Run against a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    RunSettings settings;

    @Mixin
    ComparisonOutputs outputs;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    private volatile boolean stopped;
    private volatile Simulation current;

    @Override
    public Integer call() throws InterruptedException {
        if (repeat < 1) {
            throw new UsageException("--repeat must be 1 or more, got " + repeat);
        }
        outputs.check();
        CandidateMigrations change = CandidateMigrations.read(candidates);
        for (Path folder : baseFolders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException("--migrations " + folder + " is not a folder of Flyway migrations");
            }
        }
        if (saveRuns != null && Files.isRegularFile(saveRuns)) {
            throw new UsageException("--save-runs " + saveRuns + " is a file: give a folder such as reports/ab-runs");
        }
        RunConfig config = settings.config();
        if (!settings.thresholdFlags.isEmpty()) {
            throw new UsageException("ab compares A with B and does not check --threshold: gate it with --fail-on-regression 10%, "
                    + "or check thresholds with 'dbsim run'");
        }
        Pattern pattern = Patterns.builtIn().named(config.patternName());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunTarget.refuseProductionLooking(database, force);
        try (Database db = database.open()) {
            ConnectionInfo connection = db.connection();
            out.println("database: " + db.description());
            RunTarget.prepareData(db, database, config.seed(), err);
            List<String> base = baseFolders.stream().map(Path::toString).toList();
            List<String> withChange = new ArrayList<>(base);
            withChange.add(candidates.toString());
            Migrator migrator = new Migrator(connection);
            try (Connection c = connection.open("dbsim-ab")) {
                if (change.appliedIn(c)) {
                    throw new DbsimException("the database already has migrations from " + candidates + " applied (" + String.join(", ",
                            change.scripts()) + "): take them back, or use a fresh database, so that A is the schema without them");
                }
                migrator.migrate(base);
                CandidateMigrations.Undo undo = change.undo(c);
                try (StopOnSignal onSignal = new StopOnSignal(this::stop, err)) {
                    Experiment experiment = new Experiment(config, pattern, connection, migrator, withChange, change, undo, c, err);
                    try {
                        experiment.run();
                    } finally {
                        experiment.backToA(out);
                    }
                    int code = report(out, experiment);
                    return code;
                }
            } catch (SQLException e) {
                throw DatabaseErrors.explain(e, connection);
            }
        }
    }

    private void stop(long timeout, TimeUnit unit) throws InterruptedException {
        stopped = true;
        Simulation running = current;
        if (running != null) {
            running.stop(timeout, unit);
        }
    }

    private int report(PrintWriter out, Experiment e) {
        int pairs = Math.min(e.a.size(), e.b.size());
        if (pairs == 0) {
            throw new DbsimException("stopped before a complete A/B pair: nothing to compare");
        }
        List<RunSample> a = e.a.subList(0, pairs);
        List<RunSample> b = e.b.subList(0, pairs);
        List<String> notes = new ArrayList<>(e.notes);
        if (pairs < repeat) {
            notes.add("stopped early: " + pairs + " of " + repeat + " pairs compared");
        }
        Comparison comparison = Comparison.of(a, b, true).with(e.planChanges(), notes);
        return outputs.report(out, comparison, a.get(0), b.get(0));
    }

    /** The runs of one A/B experiment, in order, and the database's state between them. */
    private final class Experiment {
        private final RunConfig config;
        private final Pattern pattern;
        private final ConnectionInfo connection;
        private final Migrator migrator;
        private final List<String> withChange;
        private final CandidateMigrations change;
        private final CandidateMigrations.Undo undo;
        private final Connection control;
        private final PrintWriter err;
        private final List<RunSample> a = new ArrayList<>();
        private final List<RunSample> b = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();
        private Map<String, PlanOutline> plansA;
        private Map<String, PlanOutline> plansB;
        private List<CapturedStatement> captured = List.of();
        private boolean atB;

        Experiment(RunConfig config, Pattern pattern, ConnectionInfo connection, Migrator migrator, List<String> withChange,
                   CandidateMigrations change, CandidateMigrations.Undo undo, Connection control, PrintWriter err) {
            this.config = config;
            this.pattern = pattern;
            this.connection = connection;
            this.migrator = migrator;
            this.withChange = withChange;
            this.change = change;
            this.undo = undo;
            this.control = control;
            this.err = err;
        }

        void run() throws SQLException {
            List<Boolean> order = new ArrayList<>();
            if (undo.possible()) {
                for (int i = 0; i < repeat; i++) {
                    order.add(i % 2 == 1);
                    order.add(i % 2 == 0);
                }
                notes.add("runs in ABBA order (" + (repeat == 1 ? "A B" : "A B, B A" + (repeat > 2 ? ", ..." : ""))
                        + "), the change taken back between them by: " + String.join("; ", undo.statements().stream()
                        .map(s -> Text.oneLine(s, Integer.MAX_VALUE)).toList()));
            } else {
                for (int i = 0; i < repeat; i++) {
                    order.add(false);
                }
                for (int i = 0; i < repeat; i++) {
                    order.add(true);
                }
                notes.add("the change cannot be undone (" + undo.impossibleBecause() + "), so all A runs came first, then all B "
                        + "runs: drift between them counts as change");
            }
            notes.add("every run with seed " + config.seed() + ": the same operation mix and key sequence");
            if (!settings.thresholds().isEmpty()) {
                notes.add("the scenario's thresholds are not checked here: ab's gate is --fail-on-regression");
            }
            if (!warmUpRun.isZero() && !stopped) {
                err.printf("ab: warming up at A for %s (not measured)%n", Durations.format(warmUpRun));
                err.flush();
                Simulation warming = new Simulation(config.steadyFor(warmUpRun), pattern, connection, err);
                current = warming;
                if (!stopped) {
                    warming.run();
                }
                current = null;
            }
            for (int i = 0; i < order.size() && !stopped; i++) {
                boolean wantB = order.get(i);
                if (wantB && !atB) {
                    atB = true;
                    migrator.migrate(withChange);
                    if (plansB == null && plansA != null) {
                        plansB = PlanOutline.of(control, captured);
                    }
                } else if (!wantB && atB) {
                    change.takeBack(control, undo);
                    atB = false;
                }
                List<RunSample> side = wantB ? b : a;
                String label = (wantB ? "B" : "A") + (side.size() + 1);
                err.printf("ab: run %d/%d: %s (%s)%n", i + 1, order.size(), label,
                        wantB ? "with " + candidates : "current schema");
                err.flush();
                Simulation simulation = new Simulation(config, pattern, connection, err);
                current = simulation;
                if (stopped) {
                    break;
                }
                RunResult result = simulation.run();
                current = null;
                if (result.interrupted()) {
                    break;
                }
                if (plansA == null && !wantB) {
                    captured = result.observation() == null ? List.of() : result.observation().captured();
                    plansA = PlanOutline.of(control, captured);
                }
                JsonNode document = JsonReport.document(result, null, null);
                if (saveRuns != null) {
                    JsonReport.write(document, saveRuns.resolve(label + ".json"));
                }
                side.add(RunSample.of(label, document));
            }
        }

        /** Leaves the database at A when the change can be undone. */
        void backToA(PrintWriter out) {
            if (!atB) {
                return;
            }
            if (!undo.possible()) {
                out.println("the database is left at B (with " + candidates + "): the change cannot be undone");
                return;
            }
            try {
                change.takeBack(control, undo);
                atB = false;
            } catch (SQLException e) {
                out.println("could not take the change back (" + DatabaseErrors.firstLine(e.getMessage()) + "): the database is at B");
            }
        }

        List<PlanChange> planChanges() {
            List<PlanChange> changes = new ArrayList<>();
            if (plansA == null || plansB == null) {
                return changes;
            }
            for (CapturedStatement st : captured) {
                PlanOutline before = plansA.get(st.sql());
                PlanOutline after = plansB.get(st.sql());
                if (before != null && after != null && !before.outline().equals(after.outline())) {
                    changes.add(new PlanChange(st.operation(), st.sql(), before.outline(), after.outline(), before.cost(), after.cost()));
                }
            }
            changes.sort(java.util.Comparator.comparing(PlanChange::operation, java.util.Comparator.nullsLast(String::compareTo)));
            return changes;
        }
    }
}
