package io.dbsim.cli;

import io.dbsim.analysis.RunReports;
import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.report.ConsoleReport;
import io.dbsim.report.DataShapeConsole;
import io.dbsim.report.ProgressLine;
import io.dbsim.seed.DataShape;
import io.dbsim.seed.SeedResult;
import io.dbsim.seed.Seeder;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a throwaway PostgreSQL, migrate, seed, simulate users for 15 s, and report.",
            "Uses the database given by --jdbc-url instead when there is one."})
final class DemoCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    SeedOptions seedOptions;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--reset", description = "Replace data already in a given database.")
    boolean reset;

    @Spec
    CommandSpec spec;

    /** The demo's short run: 20 users for 15 s on a pool of 10, the first 2 s warming up. */
    private static final SettingsLayer DEMO = SettingsLayer.EMPTY.with("users", 20).with("duration", Duration.ofSeconds(15))
            .with("rampUp", Duration.ofSeconds(2)).with("warmUp", Duration.ofSeconds(2)).with("poolSize", 10);

    @Override
    public Integer call() {
        Seeder.warmUp();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        err.println("demo: starting the database...");
        err.flush();
        try (Database db = database.open()) {
            out.println("database: " + db.description());
            Migrator.Outcome schema = new Migrator(db.connection()).migrate(List.of());
            out.println("schema: at version " + schema.version() + " (" + schema.applied() + " migrations applied now)");
            SeedResult result = SeedRun.seed(db, seedOptions.profile(), seedOptions.seed(), reset,
                    SeedRun.workers(null), 5, err);
            SeedSummary.print(out, result);
            DataShapeConsole.print(out, DataShape.read(db.connection()));
            err.println("demo: simulating 20 users for 15 s (pattern distributed, pool of 10)...");
            err.flush();
            Workload workload = Workload.builtIn();
            RunSettings run = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, DEMO.with("seed", seedOptions.seed())));
            run = run.withPattern(workload.defaultPattern());
            RunResult measured = new Simulation(run, workload, workload.pattern(run.pattern()), db.connection(), new ProgressLine(err)).run();
            ConsoleReport.print(out, RunReports.of(measured, List.of(), null));
        }
        return ExitCodes.OK;
    }
}
