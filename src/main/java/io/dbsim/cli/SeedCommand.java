package io.dbsim.cli;

import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import io.dbsim.seed.SeedProfile;
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

@Command(name = "seed", mixinStandardHelpOptions = true,
        description = {"Fill the database with realistic, reproducible data (Datafaker, bulk COPY).",
            "Migrates first when needed. Refuses a database that already holds data unless --reset is given.",
            "Ends by taking a snapshot of the seeded data (see 'dbsim snapshot'), replacing an earlier one, unless --no-snapshot."})
final class SeedCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    SeedOptions seedOptions;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--reset", description = "Empty the domain tables first (also cleans up an interrupted seed).")
    boolean reset;

    @Option(names = "--force",
            description = "With --reset: empty a database even though its name and host do not look like a test one.")
    boolean force;

    @Option(names = "--no-snapshot", negatable = false,
            description = "Do not snapshot the seeded data at the end. The snapshot ('dbsim snapshot') lets runs start from "
                    + "this data again; it takes about the tables' size without their indexes (3 MB for small, 157 MB for "
                    + "medium) and 0.5 s (small) to 1.5 s (medium) at the end of the seed.")
    boolean noSnapshot;

    @Option(names = {"-j", "--jobs"}, paramLabel = "N",
            description = "Parallel COPY connections (default: number of cores, at least 2).")
    Integer jobs;

    @Option(names = {"-P", "--progress"}, paramLabel = "SEC", defaultValue = "5",
            description = "Print progress every SEC seconds, as pgbench -P. Default: ${DEFAULT-VALUE}.")
    int progressSeconds;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (reset) {
            RunTarget.refuseResetOfProductionLooking(database, force);
        }
        Seeder.warmUp();
        SeedProfile profile = seedOptions.profile();
        int workers = SeedRun.workers(jobs);
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = database.open()) {
            out.println("database: " + db.description());
            Migrator.Outcome schema = new Migrator(db.connection()).migrate(List.of());
            out.println("schema: at version " + schema.version());
            SeedResult result = SeedRun.seed(db, profile, seedOptions.seed(), reset, workers, progressSeconds, !noSnapshot,
                    spec.commandLine().getErr());
            SeedSummary.print(out, result);
        }
        return ExitCodes.OK;
    }
}
