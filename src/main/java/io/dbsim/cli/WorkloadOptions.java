package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.workload.file.WorkloadFile;
import io.dbsim.workload.script.ScriptSource;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the users run, as flags (a picocli mixin of run, sweep and ab): dbsim's member workload by default, pgbench
 * scripts with pgbench's own flags (-f, -b, -D, -s), or a workload file (--workload).
 */
public final class WorkloadOptions {

    @Option(names = {"-f", "--file"}, paramLabel = "FILE[@WEIGHT]",
            description = "Run this pgbench script on your database instead of dbsim's member workload (repeatable; "
                    + "FILE@8 weighs it as pgbench does). Each script is one operation, named after its file.")
    List<String> files = new ArrayList<>();

    @Option(names = {"-b", "--builtin"}, paramLabel = "NAME[@WEIGHT]",
            description = "Run one of pgbench's built-in scripts: tpcb-like, simple-update, select-only (repeatable, "
                    + "prefixes as pgbench). With no database given, pgbench's tables are made first, as pgbench -i.")
    List<String> builtins = new ArrayList<>();

    @Option(names = {"-D", "--define"}, paramLabel = "NAME=VALUE",
            description = "A script variable, as pgbench's -D (repeatable).")
    List<String> definitions = new ArrayList<>();

    @Option(names = {"-s", "--scale"}, paramLabel = "N",
            description = "The scripts' :scale, and the scale of the tables made for built-in scripts (default: for "
                    + "built-in scripts, count(*) of pgbench_branches as pgbench finds it; else 1).")
    Integer scale;

    @Option(names = "--workload", paramLabel = "FILE",
            description = "Run a workload file (workloads/README.md): your operations, parameters and patterns as YAML.")
    Path workloadFile;

    /** What these flags ask for, read and checked before any connection. */
    WorkloadSource source() {
        boolean scripts = !files.isEmpty() || !builtins.isEmpty();
        if (scripts && workloadFile != null) {
            throw new UsageException("--workload and pgbench scripts (-f, -b) are two workloads: choose one");
        }
        if (!scripts && (!definitions.isEmpty() || scale != null)) {
            throw new UsageException((scale != null ? "-s" : "-D") + " sets a variable of pgbench scripts: give the scripts "
                    + "with -f FILE or -b NAME");
        }
        if (scale != null && scale < 1) {
            throw new UsageException("-s must be 1 or more, got " + scale + ": write a scale factor such as -s 10");
        }
        if (workloadFile != null) {
            return new WorkloadFileSource(WorkloadFile.read(workloadFile));
        }
        if (scripts) {
            List<ScriptSource> sources = new ArrayList<>();
            files.forEach(f -> sources.add(ScriptSource.file(f)));
            builtins.forEach(b -> sources.add(ScriptSource.builtin(b)));
            return new ScriptsSource(List.copyOf(sources), !builtins.isEmpty(), List.copyOf(definitions), scale);
        }
        return new MemberSource();
    }
}
