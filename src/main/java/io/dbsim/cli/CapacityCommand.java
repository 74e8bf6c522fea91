package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.report.CapacityConsole;
import io.dbsim.report.CapacityJson;
import io.dbsim.report.SweepFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;

@Command(name = "capacity", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Answer 'how many users can this database carry, with what pool, at what response time' from a "
            + "sweep: fits the Universal Scalability Law to the steps, puts thinking users and the pool in front of it, "
            + "and says how far the answer can be trusted (fit quality, extrapolation range, a back-test)."})
final class CapacityCommand implements Callable<Integer> {

    @Option(names = "--from", paramLabel = "FILE", required = true, description = "Sweep file written by 'dbsim sweep --json FILE'.")
    Path from;

    @Option(names = "--target-users", paramLabel = "N", required = true, description = "The number of users to plan for, e.g. 4000.")
    int targetUsers;

    @Option(names = "--think-time", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Mean think time of the target users between operations (default: the sweep's).")
    Duration thinkTime;

    @Option(names = "--p95-target", paramLabel = "TIME", defaultValue = "500ms", converter = DurationConverter.class,
            description = "Response-time target: p95 at or under it (default ${DEFAULT-VALUE}).")
    Duration p95Target;

    @Option(names = "--pool-size", paramLabel = "N", description = "Plan with this pool (default: the pool size dbsim recommends).")
    Integer poolSize;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the answer as JSON (format: reports/README.md).")
    Path json;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (targetUsers < 1) {
            throw new UsageException("--target-users must be 1 or more, got " + targetUsers);
        }
        if (poolSize != null && poolSize < 1) {
            throw new UsageException("--pool-size must be 1 or more, got " + poolSize);
        }
        Sweep sweep = SweepFile.read(from);
        double think = thinkTime != null ? thinkTime.toNanos() / 1e9 : sweep.thinkTimeMs() / 1000.0;
        CapacityPlan plan;
        try {
            plan = new CapacityPlanner(sweep).plan(targetUsers, think, p95Target.toNanos() / 1e6, poolSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException(from + ": " + e.getMessage() + "; run 'dbsim sweep' with more user counts");
        }
        PrintWriter out = spec.commandLine().getOut();
        SweepFile.printTable(out, sweep);
        CapacitySection section = CapacitySection.of(plan);
        CapacityConsole.print(out, section);
        if (json != null) {
            CapacityJson.write(section, from.toString(), json);
            out.println("JSON report: " + json);
        }
        return ExitCodes.OK;
    }
}
