package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.util.Arrays;

@Command(name = "dbsim", mixinStandardHelpOptions = true, versionProvider = VersionLine.class,
        description = {"PostgreSQL workload simulator: builds a realistic member/employment database, "
                + "seeds it, and shows how it holds up under many concurrent users.", ""},
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExit codes:%n",
        footer = {"  0  success", "  1  run-time failure (database unreachable, migration failed, ...)",
            "  2  usage error (bad flag or value, refused to overwrite data)",
            " 99  a threshold failed: NO-GO (run --threshold, as k6)", "",
            "Add --verbose to any command for stack traces."},
        subcommands = {DemoCommand.class, MigrateCommand.class, SeedCommand.class, RunCommand.class, SweepCommand.class,
            CapacityCommand.class, ReportCommand.class, CompareCommand.class, AbCommand.class, SnapshotCommand.class,
            MergeCommand.class,
            CompletionCommand.class, CommandLine.HelpCommand.class})
public final class Dbsim implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is needed, e.g. 'dbsim demo'");
    }

    public static void main(String[] args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line and returns its exit code; tests call this directly. */
    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose");
        CommandLine cmd = new CommandLine(new Dbsim());
        cmd.setOut(out);
        cmd.setErr(err);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setParameterExceptionHandler((ex, ignored) -> {
            String help = ex.getCommandLine().getCommandSpec().qualifiedName();
            err.println("dbsim: " + ConnectionInfo.redact(ex.getMessage()) + " (see '" + help + " --help')");
            return ExitCodes.USAGE;
        });
        cmd.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            int code = ex instanceof UsageException ? ExitCodes.USAGE : ExitCodes.FAILURE;
            String message = ex instanceof UsageException || ex instanceof DbsimException
                    ? ex.getMessage()
                    : "internal error: " + ex + (verbose ? "" : " (run again with --verbose for details)");
            err.println("dbsim: " + ConnectionInfo.redact(message));
            if (verbose) {
                ex.printStackTrace(err);
            }
            err.flush();
            return code;
        });
        int code = cmd.execute(args);
        out.flush();
        err.flush();
        return code;
    }
}
