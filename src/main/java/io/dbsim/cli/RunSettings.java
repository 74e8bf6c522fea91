package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.engine.PoolGate;
import io.dbsim.settings.RunConfig;
import io.dbsim.settings.Scenario;
import io.dbsim.settings.Threshold;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What shapes a run, as flags or from a scenario file (flags win): users, duration, stages or rate,
 * pattern, pool, thresholds. A picocli mixin shared by 'run' and 'ab'.
 */
public final class RunSettings {

    @Option(names = {"-c", "--users"}, paramLabel = "N", defaultValue = "50", description = "Concurrent users (default ${DEFAULT-VALUE}).")
    int users;

    @Option(names = "--ops", paramLabel = "N", defaultValue = "50",
            description = "Operations per user (default ${DEFAULT-VALUE}); ignored when --duration is given.")
    int ops;

    @Option(names = {"-T", "--duration"}, paramLabel = "TIME", converter = DurationConverter.class,
            description = "Run for this long (e.g. 5m) instead of a number of operations.")
    Duration duration;

    @Option(names = "--think-time", paramLabel = "TIME", defaultValue = "100ms", converter = DurationConverter.class,
            description = "Mean pause between a user's operations (default ${DEFAULT-VALUE}); drawn as the pattern says.")
    Duration thinkTime;

    @Option(names = "--ramp-up", paramLabel = "TIME", defaultValue = "10s", converter = DurationConverter.class,
            description = "Start users evenly over this time (default ${DEFAULT-VALUE}).")
    Duration rampUp;

    @Option(names = "--stages", paramLabel = "TIME:USERS,...",
            description = "k6-style stages, e.g. 30s:50,2m:50,30s:0: reach each user count linearly by the end of its stage.")
    String stages;

    @Option(names = "--rate", paramLabel = "N/s",
            description = "Open model: start operations at this fixed rate (e.g. 500/s) for --duration, users as needed.")
    String rate;

    @Option(names = "--max-users", paramLabel = "N", defaultValue = "1000",
            description = "Open model: most operations in flight at once; arrivals beyond are dropped and counted (default ${DEFAULT-VALUE}).")
    int maxUsers;

    @Option(names = "--pattern", paramLabel = "NAME", defaultValue = "distributed",
            description = "User pattern from workloads/patterns.yaml: read_heavy, write_heavy, mixed, file_operations, "
                    + "distributed (default), pk_lookup, business_flow (a journey measured as one flow).")
    String pattern;

    @Option(names = "--warm-up", paramLabel = "TIME", defaultValue = "0s", converter = DurationConverter.class,
            description = "Leave operations that start in the first TIME out of the statistics (default ${DEFAULT-VALUE}).")
    Duration warmUp;

    @Option(names = "--max-tries", paramLabel = "N", defaultValue = "1",
            description = "Tries per operation for deadlocks and serialization failures, as pgbench (default ${DEFAULT-VALUE}: no retry).")
    int maxTries;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Seed of the users' key choices and operation mix: same seed, same sequence (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--pool-size", paramLabel = "N", defaultValue = "20", description = "HikariCP maximumPoolSize (default ${DEFAULT-VALUE}).")
    int poolSize;

    @Option(names = "--pool-min-idle", paramLabel = "N", description = "HikariCP minimumIdle (default: the pool size).")
    Integer poolMinIdle;

    @Option(names = "--connection-timeout", paramLabel = "TIME", defaultValue = "30s", converter = DurationConverter.class,
            description = "Longest wait for a pooled connection before the operation fails as pool_timeout (default ${DEFAULT-VALUE}).")
    Duration connectionTimeout;

    @Option(names = "--pool-property", paramLabel = "KEY=VALUE",
            description = "Any other HikariCP property, e.g. maxLifetime=600000 (repeatable).")
    Map<String, String> poolProperties = new LinkedHashMap<>();

    @Option(names = "--pool-queue", paramLabel = "fair|direct", defaultValue = "fair",
            description = "fair: first come, first served queue in front of the pool (default); direct: HikariCP's own hand-off.")
    PoolGate.Queue poolQueue;

    @Option(names = "--statement-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "PostgreSQL statement_timeout for the run's connections.")
    Duration statementTimeout;

    @Option(names = {"-P", "--progress"}, paramLabel = "TIME", defaultValue = "5s", converter = DurationConverter.class,
            description = "Progress line every TIME, as pgbench -P (default ${DEFAULT-VALUE}).")
    Duration progressEvery;

    @Option(names = "--sample-interval", paramLabel = "TIME", defaultValue = "1s", converter = DurationConverter.class,
            description = "Sample the pool, the simulator's CPU and PostgreSQL's activity every TIME (default ${DEFAULT-VALUE}).")
    Duration sampleInterval;

    @Option(names = "--quick", description = "Quick check: 10 users, 20 operations each.")
    boolean quick;

    @Option(names = "--stress", description = "Stress test: 200 users, 100 operations each.")
    boolean stress;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Pass/fail criterion, k6 style (repeatable): p95<500ms, error_rate<1%%, read_member_detail.p99<200ms, "
                    + "pool_wait.p95<50ms, throughput>500/s. Any failure ends with exit code 99 and a NO-GO verdict.")
    List<String> thresholdFlags = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Take the run's settings (stages, users, pattern, pool...) from a scenario file such as "
                    + "workloads/peak.yaml; flags given here win.")
    Path scenarioFile;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private List<String> scenarioThresholds = List.of();
    private List<Threshold> thresholds = List.of();

    /** The thresholds of the scenario file and the flags; read after {@link #config()}. */
    List<Threshold> thresholds() {
        return thresholds;
    }

    /** Fills the options the user did not give on the command line from the scenario file. */
    private void applyScenario(Scenario sc) {
        var parsed = spec.commandLine().getParseResult();
        java.util.function.Predicate<String> unset = name -> !parsed.hasMatchedOption(name);
        if (sc.pattern() != null && unset.test("--pattern")) {
            pattern = sc.pattern();
        }
        if (sc.users() != null && unset.test("--users")) {
            users = sc.users();
        }
        if (sc.ops() != null && unset.test("--ops")) {
            ops = sc.ops();
        }
        if (sc.duration() != null && unset.test("--duration")) {
            duration = DurationConverter.parse(sc.duration());
        }
        if (sc.thinkTime() != null && unset.test("--think-time")) {
            thinkTime = DurationConverter.parse(sc.thinkTime());
        }
        if (sc.rampUp() != null && unset.test("--ramp-up")) {
            rampUp = DurationConverter.parse(sc.rampUp());
        }
        if (sc.warmUp() != null && unset.test("--warm-up")) {
            warmUp = DurationConverter.parse(sc.warmUp());
        }
        if (sc.stages() != null && unset.test("--stages")) {
            stages = sc.stages().stream().map(st -> st.duration() + ":" + st.target())
                    .collect(java.util.stream.Collectors.joining(","));
        }
        if (sc.rate() != null && unset.test("--rate")) {
            rate = sc.rate();
        }
        if (sc.maxUsers() != null && unset.test("--max-users")) {
            maxUsers = sc.maxUsers();
        }
        if (sc.maxTries() != null && unset.test("--max-tries")) {
            maxTries = sc.maxTries();
        }
        if (sc.thresholds() != null) {
            scenarioThresholds = sc.thresholds();
        }
        if (sc.seed() != null && unset.test("--seed")) {
            seed = sc.seed();
        }
        if (sc.sampleInterval() != null && unset.test("--sample-interval")) {
            sampleInterval = DurationConverter.parse(sc.sampleInterval());
        }
        Scenario.Pool pool = sc.pool();
        if (pool != null) {
            if (pool.size() != null && unset.test("--pool-size")) {
                poolSize = pool.size();
            }
            if (pool.minIdle() != null && unset.test("--pool-min-idle")) {
                poolMinIdle = pool.minIdle();
            }
            if (pool.connectionTimeout() != null && unset.test("--connection-timeout")) {
                connectionTimeout = DurationConverter.parse(pool.connectionTimeout());
            }
            if (pool.queue() != null && unset.test("--pool-queue")) {
                poolQueue = PoolGate.Queue.valueOf(pool.queue().toUpperCase(java.util.Locale.ROOT));
            }
            if (pool.properties() != null) {
                pool.properties().forEach(poolProperties::putIfAbsent);
            }
        }
    }

    /** The run these options describe; bad values are a one-line usage error. */
    RunConfig config() {
        if (scenarioFile != null) {
            try {
                applyScenario(Scenario.load(scenarioFile));
            } catch (picocli.CommandLine.TypeConversionException | IllegalArgumentException e) {
                throw new UsageException("scenario " + scenarioFile + ": " + e.getMessage());
            }
        }
        List<Threshold> all = new ArrayList<>();
        scenarioThresholds.forEach(t -> all.add(Threshold.parse(t)));
        thresholdFlags.forEach(t -> all.add(Threshold.parse(t)));
        thresholds = List.copyOf(all);
        var parsed = spec.commandLine().getParseResult();
        int u = users;
        int o = ops;
        if (quick && stress) {
            throw new UsageException("--quick and --stress contradict each other: choose one");
        }
        if (quick) {
            u = parsed.hasMatchedOption("--users") ? users : 10;
            o = parsed.hasMatchedOption("--ops") ? ops : 20;
        }
        if (stress) {
            u = parsed.hasMatchedOption("--users") ? users : 200;
            o = parsed.hasMatchedOption("--ops") ? ops : 100;
        }
        require(u >= 1, "--users must be 1 or more, got " + u);
        require(o >= 1, "--ops must be 1 or more, got " + o);
        require(poolSize >= 1, "--pool-size must be 1 or more, got " + poolSize);
        require(maxTries >= 1, "--max-tries must be 1 or more, got " + maxTries);
        require(maxUsers >= 1, "--max-users must be 1 or more, got " + maxUsers);
        require(!connectionTimeout.isZero() && connectionTimeout.toMillis() >= 250,
                "--connection-timeout must be at least 250ms (HikariCP's minimum), got " + connectionTimeout.toMillis() + "ms");
        require(sampleInterval.toMillis() >= 100, "--sample-interval must be at least 100ms, got " + sampleInterval.toMillis() + "ms");
        double ratePerSecond = rate == null ? 0 : parseRate(rate);
        List<RunConfig.Stage> parsedStages = stages == null ? List.of() : parseStages(stages);
        if (ratePerSecond > 0) {
            require(duration != null, "--rate needs --duration: how long to keep the arrival rate, e.g. --duration 2m");
            require(parsedStages.isEmpty(), "--rate and --stages are two different models: choose one");
        }
        Duration runFor = duration;
        int opsPerUser = duration != null || !parsedStages.isEmpty() ? 0 : o;
        return new RunConfig(pattern, u, opsPerUser, runFor, thinkTime, rampUp, parsedStages, ratePerSecond, maxUsers, warmUp,
                maxTries, seed, poolSize, poolMinIdle == null ? poolSize : poolMinIdle, connectionTimeout, poolProperties,
                poolQueue, statementTimeout, progressEvery, sampleInterval);
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    static double parseRate(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        double per = 1;
        if (v.endsWith("/s")) {
            v = v.substring(0, v.length() - 2);
        } else if (v.endsWith("/m")) {
            v = v.substring(0, v.length() - 2);
            per = 60;
        }
        try {
            double r = Double.parseDouble(v) / per;
            if (r <= 0 || Double.isNaN(r) || Double.isInfinite(r)) {
                throw new NumberFormatException();
            }
            return r;
        } catch (NumberFormatException e) {
            throw new UsageException("--rate '" + value + "' is not a rate: write it like 500/s or 3000/m");
        }
    }

    static List<RunConfig.Stage> parseStages(String value) {
        List<RunConfig.Stage> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] pieces = part.trim().split(":");
            if (pieces.length != 2) {
                throw new UsageException("--stages '" + part.trim() + "' must be TIME:USERS, e.g. 30s:50");
            }
            Duration d;
            int target;
            try {
                d = DurationConverter.parse(pieces[0]);
                target = Integer.parseInt(pieces[1].trim());
            } catch (RuntimeException e) {
                throw new UsageException("--stages '" + part.trim() + "' must be TIME:USERS, e.g. 30s:50");
            }
            if (target < 0) {
                throw new UsageException("--stages: a user count cannot be negative (" + part.trim() + ")");
            }
            result.add(new RunConfig.Stage(d, target));
        }
        return result;
    }
}
