package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.SweepSteps;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.analysis.capacity.UslFit;
import io.dbsim.db.Database;
import io.dbsim.engine.PoolGate;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.report.CapacityConsole;
import io.dbsim.report.SweepFile;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunConfig;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Patterns;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

@Command(name = "sweep", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the same workload at several user counts (or pool sizes), one step each, and fit a "
            + "scalability model to the steps: the measurements 'dbsim capacity' extrapolates from. Each step runs "
            + "--warm-up plus --step-duration; only the part after the warm-up counts."})
final class SweepCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

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

    @Option(names = "--warm-up", paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "Unmeasured start of each step, and an unmeasured run this long before the first (default ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--pattern", paramLabel = "NAME", defaultValue = "distributed",
            description = "User pattern from workloads/patterns.yaml (default ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = "--think-time", paramLabel = "TIME", defaultValue = "0s", converter = DurationConverter.class,
            description = "Think time of the sweep's users (default ${DEFAULT-VALUE}: every user keeps a connection busy, "
                    + "so steps measure the database at that concurrency).")
    Duration thinkTime;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed of keys and operation mix (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--connection-timeout", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest wait for a pooled connection (default ${DEFAULT-VALUE}).")
    Duration connectionTimeout;

    @Option(names = {"-P", "--progress"}, paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "Progress line every TIME within a step (default ${DEFAULT-VALUE}).")
    Duration progressEvery;

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

    @Option(names = "--force", description = "Run against a database that does not look like a local or test one.")
    boolean force;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        List<int[]> plan = steps();
        Pattern chosen = Patterns.builtIn().named(pattern).blended();
        if (json != null && Files.isDirectory(json)) {
            throw new UsageException("--json " + json + " is a folder: give a file name such as reports/sweep.json");
        }
        require(!stepDuration.isZero() && !stepDuration.isNegative(), "--step-duration must be longer than 0s");
        require(targetUsers == null || targetUsers >= 1, "--target-users must be 1 or more");
        require(repeat >= 1, "--repeat must be 1 or more, got " + repeat);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        RunTarget.refuseProductionLooking(database, force);
        String startedAt = Instant.now().toString();
        List<SweepStep> done = new ArrayList<>();
        boolean interrupted = false;
        String target;
        String serverVersion = null;
        try (Database db = database.open()) {
            out.println("database: " + db.description());
            RunTarget.prepareData(db, database, seed, err);
            target = db.connection().hostAndDatabase();
            AtomicReference<Simulation> current = new AtomicReference<>();
            AtomicBoolean stopped = new AtomicBoolean();
            try (StopOnSignal onSignal = new StopOnSignal((timeout, unit) -> {
                stopped.set(true);
                Simulation s = current.get();
                if (s != null) {
                    s.stop(timeout, unit);
                }
            }, err)) {
                if (!warmUp.isZero()) {
                    int[] middle = plan.get(plan.size() / 2);
                    err.printf(Locale.ROOT, "sweep: warming up the simulator and the database's caches for %s at %d users (not measured)%n",
                            Durations.format(warmUp), middle[0]);
                    err.flush();
                    Simulation warming = new Simulation(config(middle[0], middle[1], warmUp, Duration.ZERO), chosen,
                            db.connection(), new PrintWriter(java.io.Writer.nullWriter()));
                    current.set(warming);
                    warming.run();
                }
                List<List<SweepStep>> rounds = new ArrayList<>();
                plan.forEach(p -> rounds.add(new ArrayList<>()));
                for (int round = 1; round <= repeat && !stopped.get(); round++) {
                    // Alternate the order, so a machine that drifts faster or slower over time does not tilt the curve.
                    List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, plan.size()).boxed().toList());
                    if (round % 2 == 0) {
                        Collections.reverse(order);
                    }
                    for (int i : order) {
                        if (stopped.get()) {
                            break;
                        }
                        int[] step = plan.get(i);
                        String label = (repeat > 1 ? "round " + round + "/" + repeat + ", " : "") + "step " + (i + 1) + "/" + plan.size();
                        err.printf(Locale.ROOT, "sweep: %s: %d user%s, pool %d, %s after %s warm-up%n", label, step[0], step[0] == 1 ? "" : "s", step[1],
                                Durations.format(stepDuration), Durations.format(warmUp));
                        err.flush();
                        Simulation simulation = new Simulation(config(step[0], step[1], warmUp.plus(stepDuration), warmUp), chosen,
                                db.connection(), err);
                        current.set(simulation);
                        if (stopped.get()) {
                            break;
                        }
                        RunResult result = simulation.run();
                        serverVersion = result.serverVersion();
                        SweepStep measured = SweepSteps.from(result);
                        rounds.get(i).add(measured);
                        SweepFile.printStep(out, label, measured);
                        interrupted |= result.interrupted();
                    }
                }
                for (List<SweepStep> r : rounds) {
                    List<SweepStep> finished = r.stream().filter(x -> !x.interrupted()).toList();
                    if (!finished.isEmpty()) {
                        done.add(SweepStep.medianOf(finished));
                    } else if (!r.isEmpty()) {
                        done.add(r.get(0));
                    }
                }
                interrupted |= stopped.get();
                Sweep sweep = new Sweep(Sweep.SCHEMA_VERSION, "dbsim", startedAt, target, serverVersion, pattern,
                        poolSizes == null ? "users" : "pool size", thinkTime.toNanos() / 1e6, stepDuration.toNanos() / 1e9,
                        warmUp.toNanos() / 1e9, seed, interrupted, List.copyOf(done));
                SweepFile.printTable(out, sweep);
                if (json != null) {
                    SweepFile.write(sweep, json);
                    out.println("sweep file: " + json);
                }
                printCapacity(out, sweep);
            }
        }
        return ExitCodes.OK;
    }

    private void printCapacity(PrintWriter out, Sweep sweep) {
        CapacityPlanner planner = new CapacityPlanner(sweep);
        UslFit fit;
        try {
            fit = planner.fit();
        } catch (IllegalArgumentException e) {
            out.println("capacity: " + e.getMessage());
            return;
        }
        if (targetUsers != null) {
            Duration think = targetThinkTime != null ? targetThinkTime : thinkTime;
            CapacityConsole.print(out, planner.plan(fit, targetUsers, think.toNanos() / 1e9, p95Target.toNanos() / 1e6, null));
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
    private List<int[]> steps() {
        require(users != null && !users.isEmpty(), "--users needs at least one count");
        users.forEach(u -> require(u != null && u >= 1, "--users: every count must be 1 or more, got " + u));
        List<int[]> plan = new ArrayList<>();
        if (poolSizes != null && !poolSizes.isEmpty()) {
            require(users.size() == 1, "--pool-sizes sweeps the pool at one user count: give --users N with a single N");
            poolSizes.forEach(p -> require(p != null && p >= 1, "--pool-sizes: every size must be 1 or more, got " + p));
            require(poolSize == null, "--pool-size and --pool-sizes contradict each other: choose one");
            for (int p : poolSizes) {
                plan.add(new int[] {users.get(0), p});
            }
        } else {
            int pool = poolSize != null ? poolSize : Collections.max(users);
            require(pool >= 1, "--pool-size must be 1 or more, got " + pool);
            for (int u : users) {
                plan.add(new int[] {u, pool});
            }
        }
        return plan;
    }

    private RunConfig config(int stepUsers, int pool, Duration length, Duration unmeasured) {
        return new RunConfig(pattern, stepUsers, 0, length, thinkTime, Duration.ZERO, List.of(), 0, 0, unmeasured,
                1, seed, pool, pool, connectionTimeout, Map.of(), PoolGate.Queue.FAIR, null, progressEvery, Duration.ofSeconds(1));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }
}
