package io.dbsim.cli;

import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.engine.PoolGate;
import io.dbsim.engine.Simulation;
import io.dbsim.report.ConsoleReport;
import io.dbsim.seed.DataOverview;
import io.dbsim.seed.SeedResult;
import io.dbsim.seed.Seeder;
import io.dbsim.settings.RunConfig;
import io.dbsim.workload.Patterns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
            DataOverview.print(out, db.connection());
            err.println("demo: simulating 20 users for 15 s (pattern distributed, pool of 10)...");
            err.flush();
            RunConfig run = new RunConfig("distributed", 20, 0, Duration.ofSeconds(15), Duration.ofMillis(100),
                    Duration.ofSeconds(2), List.of(), 0, 0, Duration.ofSeconds(2), 1, seedOptions.seed(), 10, 10,
                    Duration.ofSeconds(30), Map.of(), PoolGate.Queue.FAIR, null, Duration.ofSeconds(5),
                    Duration.ofSeconds(1));
            ConsoleReport.print(out, new Simulation(run, Patterns.builtIn().named("distributed"), db.connection(), err).run());
        }
        return ExitCodes.OK;
    }
}
