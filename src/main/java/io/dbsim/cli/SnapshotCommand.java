package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.DataSnapshot;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.RestoreResult;
import io.dbsim.db.SnapshotStatus;
import io.dbsim.db.TableChoice;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

@Command(name = "snapshot", mixinStandardHelpOptions = true,
        description = {"Keep a snapshot of the data and put it back exactly, so that every run measures the same database.",
            "",
            "The snapshot lives in the database itself, in the schema " + DataSnapshot.SCHEMA + ": one unlogged copy of each "
                + "data table (about the tables' size without their indexes: 3 MB for the small seed, 157 MB for medium), "
                + "the sequences' values, the columns and the Flyway history it was taken at. 'dbsim seed' takes one at its end.",
            "",
            "A restore runs in one transaction and reloads only the tables whose rows changed (and the tables referencing "
                + "them); if anything fails, the data stays as it was. It needs SELECT, INSERT and TRUNCATE on the tables; "
                + "as their owner it is faster (indexes and foreign keys are built once after the load)."},
        subcommands = {SnapshotCommand.Take.class, SnapshotCommand.Restore.class, SnapshotCommand.Drop.class,
            SnapshotCommand.Status.class})
final class SnapshotCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is needed: take, restore, drop or status");
    }

    /** A snapshot belongs to a database that outlives the command: a throwaway server would take it away at exit. */
    private static Database open(DatabaseOptions database) {
        if (database.request().resolvedKind() != DatabaseKind.URL) {
            throw new UsageException("a snapshot needs a database that outlives the command: give --jdbc-url "
                    + "(an embedded or container server is removed when dbsim exits)");
        }
        return database.open();
    }

    @Command(name = "take", mixinStandardHelpOptions = true,
            description = {"Copy the data tables into the snapshot, as they are now (one consistent moment; writers are not stopped).",
                "By default: every ordinary table of the search_path schemas except dbsim_seed_state and flyway_schema_history."})
    static final class Take implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--tables", paramLabel = "TABLE", split = ",",
                description = "Only these tables (comma-separated, optionally schema-qualified). "
                        + "Tables referencing them must be included.")
        List<String> tables = new ArrayList<>();

        @Option(names = "--replace", description = "Replace the snapshot the database already holds.")
        boolean replace;

        @Option(names = "--force", description = "Work on a database that does not look like a local or test one.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            TableChoice choice = new TableChoice(tables);
            RunTarget.refuseUnlessTestLike(database, force, "snapshot", "keep a copy of its data inside it");
            try (Database db = open(database)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("database: " + db.description());
                out.println(new DataSnapshot(db.connection()).take(choice, "dbsim snapshot take", replace,
                        spec.commandLine().getErr()).summary());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = {"Put the snapshot's rows and sequence values back, in one transaction, and ANALYZE the reloaded tables.",
                "Tables provably unchanged since the snapshot are left as they are (--all reloads them too). Refused, with "
                    + "nothing changed, when a table's columns differ from the snapshot's."})
    static final class Restore implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--all", description = "Reload every table, changed or not.")
        boolean all;

        @Option(names = "--force", description = "Work on a database that does not look like a local or test one.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RunTarget.refuseUnlessTestLike(database, force, "restore a snapshot over", "replace its data");
            try (Database db = open(database)) {
                PrintWriter out = spec.commandLine().getOut();
                out.println("database: " + db.description());
                RestoreResult result = new DataSnapshot(db.connection()).restore(all, spec.commandLine().getErr());
                out.println(result.summary());
                result.notes().forEach(note -> out.println("  note: " + note));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "drop", mixinStandardHelpOptions = true,
            description = "Remove the snapshot (the schema " + DataSnapshot.SCHEMA + ").")
    static final class Drop implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        Verbosity verbosity;

        @Option(names = "--force", description = "Work on a database that does not look like a local or test one.")
        boolean force;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            RunTarget.refuseUnlessTestLike(database, force, "drop the snapshot of", "remove its schema " + DataSnapshot.SCHEMA);
            try (Database db = open(database)) {
                boolean dropped = new DataSnapshot(db.connection()).drop();
                spec.commandLine().getOut().println(dropped ? "snapshot dropped" : "no data snapshot in " + db.description());
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Show the snapshot: when and from what it was taken, its tables and rows, which of them changed "
                    + "since, its size.")
    static final class Status implements Callable<Integer> {

        @Mixin
        DatabaseOptions database;

        @Mixin
        Verbosity verbosity;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (Database db = open(database)) {
                PrintWriter out = spec.commandLine().getOut();
                Optional<SnapshotStatus> status = new DataSnapshot(db.connection()).status();
                if (status.isEmpty()) {
                    out.println("no data snapshot in " + db.description() + ": take one with 'dbsim snapshot take'");
                } else {
                    print(out, status.get());
                }
            }
            return ExitCodes.OK;
        }

        private static void print(PrintWriter out, SnapshotStatus status) {
            out.printf(Locale.ROOT, "snapshot taken %s by %s, at %s%n", status.takenAt(), status.origin(),
                    status.history() == null ? "no Flyway history" : status.history());
            out.printf(Locale.ROOT, "  %-32s %12s  %s%n", "table", "rows", "now");
            for (SnapshotStatus.TableState t : status.tables()) {
                String now = switch (t.state()) {
                    case UNCHANGED -> "unchanged";
                    case CHANGED -> "changed (a restore reloads it)";
                    case MISSING -> "missing (a restore refuses)";
                };
                out.printf(Locale.ROOT, "  %-32s %,12d  %s%n", t.table(), t.rows(), now);
            }
            out.printf(Locale.ROOT, "  %-32s %,12d%n", "total", status.rows());
            out.printf(Locale.ROOT, "%d sequences; %s on disk in schema %s%n", status.sequences(), status.diskSize(),
                    DataSnapshot.SCHEMA);
        }
    }
}
