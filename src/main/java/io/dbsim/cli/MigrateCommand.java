package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.Database;
import io.dbsim.db.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "migrate", mixinStandardHelpOptions = true,
        description = {"Apply the schema's Flyway migrations (schema/ in the repository, shipped inside dbsim);",
            "with --migrations, only the folders given, for a schema of your own (e.g. schema/examples/orders/migrations)."})
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    Verbosity verbosity;

    @Option(names = "--extra-migrations", paramLabel = "DIR",
            description = "Also apply the Flyway migrations in DIR, e.g. schema/candidates (repeatable).")
    List<Path> extraMigrations = new ArrayList<>();

    @Option(names = "--migrations", paramLabel = "DIR",
            description = "Apply only the Flyway migrations in DIR, not dbsim's member schema: a schema of your own, recorded "
                    + "in dbsim_schema_history (repeatable).")
    List<Path> ownMigrations = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!ownMigrations.isEmpty() && !extraMigrations.isEmpty()) {
            throw new UsageException("--migrations applies a schema of your own, --extra-migrations adds to dbsim's: choose one");
        }
        List<String> own = MigrationFolders.existing(ownMigrations, "--migrations");
        List<String> extra = MigrationFolders.existing(extraMigrations, "--extra-migrations");
        PrintWriter out = spec.commandLine().getOut();
        try (Database db = database.open()) {
            out.println("database: " + db.description());
            Migrator.Outcome outcome = own.isEmpty() ? new Migrator(db.connection()).migrate(extra)
                    : Migrator.ofOwnSchema(db.connection()).migrate(own);
            out.println("schema: at version " + outcome.version() + " (" + outcome.applied() + " migrations applied now)");
        }
        return ExitCodes.OK;
    }
}
