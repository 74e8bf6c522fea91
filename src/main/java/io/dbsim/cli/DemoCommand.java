package io.dbsim.cli;

import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.report.DataOverview;
import io.dbsim.seed.SeedResult;
import io.dbsim.seed.Seeder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "demo", mixinStandardHelpOptions = true,
        description = {"Start a throwaway PostgreSQL, migrate, seed, and show what was built.",
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
        }
        return ExitCodes.OK;
    }
}
