package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.analysis.capacity.UslFit;
import io.dbsim.db.Database;
import io.dbsim.experiment.SweepExperiment;
import io.dbsim.report.live.LiveMetrics;
import io.dbsim.report.live.SeriesLabels;
import io.dbsim.report.CapacityConsole;
import io.dbsim.report.SweepFile;
import io.dbsim.settings.QueryMode;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the same workload at several user counts (or pool sizes), one step each, and fit a "
            + "scalability model to the steps: the measurements 'dbsim capacity' extrapolates from. Each step runs "
            + "--warm-up plus --step-duration; only the part after the warm-up counts."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    WorkloadOptions workloadOptions;

    @Option(names = {"-c", "--users"}, paramLabel = "N,N,...", split = ",", defaultValue = "1,2,4,8,16,32",
            description = "User counts, one step each (default ${DEFAULT-VALUE}); one count with --pool-sizes.")
    List<Integer> users;

    @Option(names = "--pool-sizes", paramLabel = "N,N,...", split = ",",
            description = "Sweep the pool size instead, at a fixed --users.")
    List<Integer> poolSizes;

    @Option(names = "--pool-size", paramLabel = "N",
            description = "Pool size for a user sweep (default: the largest user count, so the pool never limits).")
    Integer poolSize;

    @Option(names = "--step-duration", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "Measured time per step (default ${DEFAULT-VALUE}).")
    Duration stepDuration;

    @Option(names = "--repeat", paramLabel = "N", defaultValue = "1",
            description = "Run every step N times, alternating the order, and keep each step's median round (default "
                    + "${DEFAULT-VALUE}); the rounds' spread shows the machine's own noise.")
    int repeat;

    @Option(names = "--warm-up", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Unmeasured start of each step, and an unmeasured run this long before the first (default 5s).")
    Duration warmUp;

    @Option(names = "--pattern", paramLabel = "NAME",
            description = "User pattern from workloads/patterns.yaml (default distributed), or of the --workload file.")
    String pattern;

    @Option(names = "--think-time", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Think time of the sweep's users (default 0s: every user keeps a connection busy, "
                    + "so steps measure the database at that concurrency).")
    Duration thinkTime;

    @Option(names = "--seed", paramLabel = "N", description = "Seed of keys and operation mix (default 42).")
    Long seed;

    @Option(names = "--connection-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Longest wait for a pooled connection (default 30s).")
    Duration connectionTimeout;

    @Option(names = {"-P", "--progress"}, paramLabel = "TIME", converter = DurationConverter.Seconds.class,
            description = "Progress line every TIME within a step (default 10s; a plain number is seconds).")
    Duration progressEvery;

    @Option(names = {"-M", "--protocol"}, paramLabel = "simple|extended|prepared",
            description = "Query mode, as pgbench's -M (default: the driver's own).")
    QueryMode queryMode;

    @Option(names = "--json", paramLabel = "FILE", description = "Write the steps as JSON, for 'dbsim capacity --from FILE'.")
    Path json;

    @Option(names = "--target-users", paramLabel = "N", description = "Also answer the capacity question for this many users.")
    Integer targetUsers;

    @Option(names = "--target-think-time", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Think time of the target users (default: the sweep's --think-time).")
    Duration targetThinkTime;

    @Option(names = "--p95-target", paramLabel = "TIME", defaultValue = "500ms", converter = DurationConverter.class,
            description = "Response-time target of the capacity answer (default ${DEFAULT-VALUE}).")
    Duration p95Target;

    @Option(names = "--paced-users", paramLabel = "N", defaultValue = "1000",
            description = "A sweep of users at think time 0 ends with three paced steps: up to N users who think, asking for "
                    + "25%%, 50%% and 75%% of the highest throughput measured, so that 'capacity' knows how long connections are "
                    + "held when operations follow pauses (default ${DEFAULT-VALUE}; 0 for none).")
    int pacedUsers;

    @Option(names = "--no-restore", description = "Do not put the data back from its snapshot before each step (the default when "
            + "the database has one), when growth is what the sweep studies.")
    boolean noRestore;

    @Option(names = "--force", description = "Run against a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    MetricsOptions metrics;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    /** A sweep's own defaults over run's: no think time, so every user keeps a connection busy; a warm-up per step. */
    static final SettingsLayer SWEEP_DEFAULTS = SettingsLayer.EMPTY.with("thinkTime", Duration.ZERO)
            .with("warmUp", Duration.ofSeconds(5)).with("progressInterval", Duration.ofSeconds(10));

    @Override
    public Integer call() throws InterruptedException {
        List<SweepExperiment.Step> plan = steps();
        require(!stepDuration.isZero() && !stepDuration.isNegative(), "--step-duration must be longer than 0s");
        require(targetUsers == null || targetUsers >= 1, "--target-users must be 1 or more");
        require(repeat >= 1, "--repeat must be 1 or more, got " + repeat);
        require(pacedUsers >= 0, "--paced-users must be 0 (no paced steps) or more, got " + pacedUsers);
        OutputFiles.refuseFolder(json, "--json", "reports/sweep.json");
        WorkloadSource source = workloadOptions.source();
        RunSettings base = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, source.defaults(), SWEEP_DEFAULTS, new SettingsLayer(pattern, null, null,
                null, thinkTime, null, null, null, null, warmUp, null, seed, null, null, connectionTimeout, null, null, null,
                progressEvery, null, null, null, queryMode, null, null, metrics.port, metrics.bind, metrics.linger, null)));
        base = base.withPattern(source.checked(base.pattern()).pattern(base.pattern()).name());
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunTarget.refuseProductionLooking(database, force);
        try (LiveMetrics live = LiveMetrics.serve(base.metrics(), SeriesLabels.of(base), out);
             Database db = database.open()) {
            out.println("database: " + db.description());
            out.println("workload: " + source.description());
            Workload workload = source.prepare(db, database, base, Collections.max(users),
                    DataRestore.firstIfRead(source, db.connection(), noRestore, err), err);
            Pattern chosen = workload.pattern(base.pattern());
            base = base.withPattern(chosen.name());
            SweepExperiment experiment = new SweepExperiment(base, workload, chosen, db.connection(), plan, stepDuration, repeat,
                    new ConsoleExperimentListener(err, live.listener()) {
                        @Override
                        public void stepMeasured(String label, SweepStep step) {
                            SweepFile.printStep(out, label, step);
                        }
                    }, DataRestore.beforeEachRun(db.connection(), noRestore, err), pacedUsers);
            try (StopOnSignal onSignal = new StopOnSignal(experiment::stop, err)) {
                Sweep sweep = experiment.run(base.pattern(), poolSizes == null ? "users" : "pool size");
                SweepFile.printTable(out, sweep);
                if (json != null) {
                    SweepFile.write(sweep, json);
                    out.println("sweep file: " + json);
                }
                printCapacity(out, sweep, base.thinkTime());
            }
        }
        return ExitCodes.OK;
    }

    private void printCapacity(PrintWriter out, Sweep sweep, Duration sweepThinkTime) {
        CapacityPlanner planner = new CapacityPlanner(sweep);
        UslFit fit;
        try {
            fit = planner.fit();
        } catch (IllegalArgumentException e) {
            out.println("capacity: " + e.getMessage());
            return;
        }
        if (targetUsers != null) {
            Duration think = targetThinkTime != null ? targetThinkTime : sweepThinkTime;
            CapacityConsole.print(out, CapacitySection.of(planner.plan(fit, targetUsers, think.toNanos() / 1e9, p95Target.toNanos() / 1e6,
                    null)));
            return;
        }
        out.printf(Locale.ROOT, "%nscalability (USL): λ %.1f ops/s, σ %.4f, κ %.6f, R² %.4f; %s%n", fit.model().lambda(),
                fit.model().sigma(), fit.model().kappa(), fit.rSquared(), Double.isInfinite(fit.model().peakConcurrency())
                        ? "no peak seen"
                        : String.format(Locale.ROOT, "peak %.0f ops/s at %.1f busy connections", fit.model().peakThroughput(),
                        fit.model().peakConcurrency()));
        out.println("capacity at a target: dbsim capacity --from " + (json == null ? "SWEEP.json" : json)
                + " --target-users N --think-time TIME");
    }

    /** (users, pool) per step. */
    private List<SweepExperiment.Step> steps() {
        require(users != null && !users.isEmpty(), "--users needs at least one count");
        users.forEach(u -> require(u != null && u >= 1, "--users: every count must be 1 or more, got " + u));
        List<SweepExperiment.Step> plan = new ArrayList<>();
        if (poolSizes != null && !poolSizes.isEmpty()) {
            require(users.size() == 1, "--pool-sizes sweeps the pool at one user count: give --users N with a single N");
            poolSizes.forEach(p -> require(p != null && p >= 1, "--pool-sizes: every size must be 1 or more, got " + p));
            require(poolSize == null, "--pool-size and --pool-sizes contradict each other: choose one");
            for (int p : poolSizes) {
                plan.add(new SweepExperiment.Step(users.get(0), p));
            }
        } else {
            int pool = poolSize != null ? poolSize : Collections.max(users);
            require(pool >= 1, "--pool-size must be 1 or more, got " + pool);
            for (int u : users) {
                plan.add(new SweepExperiment.Step(u, pool));
            }
        }
        return plan;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
