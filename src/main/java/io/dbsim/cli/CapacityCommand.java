package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.Verification;
import io.dbsim.db.DatabaseKind;
import io.dbsim.experiment.HostLimits;
import io.dbsim.report.CapacityConsole;
import io.dbsim.report.CapacityHtml;
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
            + "and says how far the answer can be trusted (fit quality, extrapolation range, a back-test). --verify then "
            + "runs the target for real on the sweep's database and sets what it measured beside the prediction."})
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

    @Option(names = "--html", paramLabel = "FILE", description = "Also write the answer as an HTML page: the verdict first, "
            + "the sweep's steps, the fitted curve and the target on one chart, and after --verify the target as measured.")
    Path html;

    @Option(names = "--verify", description = "Run the target for real (its users, think time and pool, the sweep's pattern, "
            + "the data restored from its snapshot first) on the database given with --jdbc-url, and compare.")
    boolean verify;

    @Option(names = "--verify-duration", paramLabel = "TIME", defaultValue = "60s", converter = DurationConverter.class,
            description = "Measured time of the target run (default ${DEFAULT-VALUE}).")
    Duration verifyDuration;

    @Option(names = "--verify-warm-up", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Unmeasured start of the target run (default 20s, and at least five think times, so the users' "
                    + "arrivals have spread out).")
    Duration verifyWarmUp;

    @Option(names = "--force", description = "Verify on a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    DatabaseOptions database;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (targetUsers < 1) {
            throw new UsageException("--target-users must be 1 or more, got " + targetUsers);
        }
        if (poolSize != null && poolSize < 1) {
            throw new UsageException("--pool-size must be 1 or more, got " + poolSize);
        }
        OutputFiles.refuseFolder(json, "--json", "reports/capacity.json");
        OutputFiles.refuseFolder(html, "--html", "reports/capacity.html");
        HostLimits limits = HostLimits.ofThisJvm();
        if (verify) {
            refuseUnverifiable(limits, poolSize == null ? 1 : poolSize);
        }
        Sweep sweep = SweepFile.read(from);
        double think = thinkTime != null ? thinkTime.toNanos() / 1e9 : sweep.thinkTimeMs() / 1000.0;
        CapacityPlan plan;
        try {
            plan = new CapacityPlanner(sweep).plan(targetUsers, think, p95Target.toNanos() / 1e6, poolSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException(from + ": " + e.getMessage() + "; run 'dbsim sweep' with more user counts");
        }
        if (verify) {
            refuseUnverifiable(limits, plan.pool());
        }
        PrintWriter out = spec.commandLine().getOut();
        SweepFile.printTable(out, sweep);
        CapacitySection section = CapacitySection.of(plan);
        Verification verification = null;
        if (verify) {
            verification = new TargetVerification(database, spec.commandLine().getErr()).verify(sweep, plan,
                    Duration.ofNanos(Math.round(think * 1e9)), warmUp(think), verifyDuration);
        }
        if (verification == null) {
            CapacityConsole.print(out, section);
        } else {
            section = verification.held() ? section : section.leadingWith(verification.verdict());
            CapacityConsole.printVerified(out, section, verification);
        }
        if (json != null) {
            CapacityJson.write(section, verification, from.toString(), json);
            out.println("JSON report: " + json);
        }
        if (html != null) {
            CapacityHtml.write(section, verification, from.toString(), html);
            out.println("HTML report: " + html);
        }
        return ExitCodes.OK;
    }

    private void refuseUnverifiable(HostLimits limits, int pool) {
        if (database.request().resolvedKind() != DatabaseKind.URL) {
            throw new UsageException("--verify runs the target on the database the sweep measured: give it with --jdbc-url URL "
                    + "(or libpq's PGHOST, PGDATABASE...), as for 'dbsim sweep'");
        }
        if (verifyDuration.isZero() || verifyDuration.isNegative()) {
            throw new UsageException("--verify-duration must be longer than 0s, e.g. 60s");
        }
        if (verifyWarmUp != null && verifyWarmUp.isNegative()) {
            throw new UsageException("--verify-warm-up must be 0s or more, e.g. 20s");
        }
        limits.refusal(targetUsers, pool).ifPresent(why -> {
            throw new UsageException("--verify: this JVM cannot carry the target: " + why);
        });
        RunTarget.refuseProductionLooking(database, force);
    }

    private Duration warmUp(double thinkSeconds) {
        if (verifyWarmUp != null) {
            return verifyWarmUp;
        }
        return Duration.ofSeconds(Math.max(20, (long) Math.ceil(5 * thinkSeconds)));
    }
}
