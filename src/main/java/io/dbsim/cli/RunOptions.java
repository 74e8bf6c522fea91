package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.engine.ThreadChoice;
import io.dbsim.settings.PoolQueue;
import io.dbsim.settings.QueryMode;
import io.dbsim.settings.Rate;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.ScenarioFile;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.settings.Stage;
import io.dbsim.settings.ThreadModel;
import io.dbsim.settings.Threshold;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What shapes a run, as flags (a picocli mixin shared by 'run' and 'ab'). The flags are one layer of the
 * run's settings: an option left out is null here, so the defaults and the scenario file show through
 * ({@link SettingsLayer#merge}); defaults live in {@link SettingsLayer#DEFAULTS}, not in picocli.
 */
public final class RunOptions {

    @Option(names = {"-c", "--users"}, paramLabel = "N", description = "Concurrent users, as pgbench's -c (default 50).")
    Integer users;

    @Option(names = {"-t", "--ops"}, paramLabel = "N",
            description = "Operations per user, as pgbench's -t transactions per client (default 50); ignored when a duration is given.")
    Integer ops;

    @Option(names = {"-T", "--duration"}, paramLabel = "TIME", converter = DurationConverter.Seconds.class,
            description = "Run for this long instead of a number of operations: 5m, 90s, or plain seconds as pgbench's -T 60.")
    Duration duration;

    @Option(names = "--think-time", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Mean pause between a user's operations (default 100ms); drawn as the pattern says.")
    Duration thinkTime;

    @Option(names = "--ramp-up", paramLabel = "TIME", converter = DurationConverter.Seconds.class,
            description = "Start users evenly over this time (default 10s; a plain number is seconds).")
    Duration rampUp;

    @Option(names = "--stages", paramLabel = "TIME:USERS,...",
            description = "k6-style stages, e.g. 30s:50,2m:50,30s:0: reach each user count linearly by the end of its stage.")
    String stages;

    @Option(names = {"-R", "--rate"}, paramLabel = "N/s",
            description = "Open model: start operations at this fixed rate (500/s, 3000/m, or per second as pgbench's -R 500) "
                    + "for --duration, users as needed.")
    String rate;

    @Option(names = "--max-users", paramLabel = "N",
            description = "Open model: most operations in flight at once; arrivals beyond are dropped and counted (default 1000).")
    Integer maxUsers;

    @Option(names = "--pattern", paramLabel = "NAME",
            description = "User pattern from workloads/patterns.yaml: read_heavy, write_heavy, mixed, file_operations, "
                    + "distributed (default), steady_data (no inserts: the tables keep their size), pk_lookup, business_flow (a journey measured as one flow); or one of the "
                    + "--workload file's patterns.")
    String pattern;

    @Option(names = "--warm-up", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Leave operations that start in the first TIME out of the statistics (default 0s).")
    Duration warmUp;

    @Option(names = "--max-tries", paramLabel = "N",
            description = "Tries per operation for deadlocks and serialization failures, as pgbench (default 1: no retry).")
    Integer maxTries;

    @Option(names = "--retry-connection-loss", paramLabel = "N",
            description = "Retry an operation whose connection was lost or could not be opened up to N times, with "
                    + "exponential backoff and jitter (100ms doubling, at most 5s), as an application would; retries are "
                    + "counted apart from failures (default 0: every loss is a failure).")
    Integer retryConnectionLoss;

    @Option(names = "--seed", paramLabel = "N",
            description = "Seed of the users' key choices and operation mix: same seed, same sequence (default 42).")
    Long seed;

    @Option(names = "--pool-size", paramLabel = "N", description = "HikariCP maximumPoolSize (default 20).")
    Integer poolSize;

    @Option(names = "--pool-min-idle", paramLabel = "N", description = "HikariCP minimumIdle (default: the pool size).")
    Integer poolMinIdle;

    @Option(names = "--connection-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Longest wait for a pooled connection before the operation fails as pool_timeout (default 30s).")
    Duration connectionTimeout;

    @Option(names = "--pool-property", paramLabel = "KEY=VALUE",
            description = "Any other HikariCP property, e.g. maxLifetime=600000 (repeatable).")
    Map<String, String> poolProperties;

    @Option(names = "--pool-queue", paramLabel = "fair|direct",
            description = "fair: first come, first served queue in front of the pool (default); direct: HikariCP's own hand-off.")
    PoolQueue poolQueue;

    @Option(names = "--threads", paramLabel = "auto|platform|virtual",
            description = "What users run on: an OS thread each (platform), a virtual thread each (virtual), or auto (default): "
                    + "platform up to " + ThreadChoice.PLATFORM_UP_TO + " users at once, virtual beyond.")
    ThreadModel threads;

    @Option(names = "--statement-timeout", paramLabel = "TIME", converter = DurationConverter.class,
            description = "PostgreSQL statement_timeout for the run's connections.")
    Duration statementTimeout;

    @Option(names = {"-P", "--progress"}, paramLabel = "TIME", converter = DurationConverter.Seconds.class,
            description = "Progress line every TIME, as pgbench -P (default 5s; a plain number is seconds).")
    Duration progressEvery;

    @Option(names = "--sample-interval", paramLabel = "TIME", converter = DurationConverter.class,
            description = "Sample the pool, the simulator's CPU and PostgreSQL's activity every TIME (default 1s).")
    Duration sampleInterval;

    @Option(names = {"-M", "--protocol"}, paramLabel = "simple|extended|prepared",
            description = "Query mode, as pgbench's -M: simple (the simple query protocol), extended (extended protocol, never "
                    + "prepared on the server), prepared (server-side prepared from the first execution). Default: the "
                    + "driver's own (extended, prepared from the fifth execution on a connection).")
    QueryMode queryMode;

    @Option(names = {"-L", "--latency-limit"}, paramLabel = "TIME", converter = DurationConverter.Millis.class,
            description = "Count operations that take longer as late, as pgbench's -L (a plain number is milliseconds); "
                    + "with --rate, arrivals already this far behind schedule are skipped, not run.")
    Duration latencyLimit;

    @Option(names = {"-r", "--report-per-command"},
            description = "Report each command's latency and failures for scripts and workload files, as pgbench's -r.")
    boolean reportPerCommand;

    @Option(names = "--quick", description = "Quick check: 10 users, 20 operations each.")
    boolean quick;

    @Option(names = "--stress", description = "Stress test: 200 users, 100 operations each.")
    boolean stress;

    @Option(names = "--threshold", paramLabel = "EXPR",
            description = "Pass/fail criterion in dbsim's or k6's words (repeatable): p95<500ms, p(95)<500, avg<200, "
                    + "error_rate<1%%, rate<0.01, read_member_detail.p99<200ms, pool_wait.p95<50ms, throughput>500/s; "
                    + "add ,abortOnFail to stop the run once it fails. Any failure ends with exit code 99 and a NO-GO verdict.")
    List<String> thresholdFlags = new ArrayList<>();

    @Option(names = "--scenario", paramLabel = "FILE",
            description = "Take the run's settings (stages, users, pattern, pool...) from a scenario file such as "
                    + "workloads/peak.yaml; flags given here win.")
    Path scenarioFile;

    @Mixin
    MetricsOptions metrics;

    /** The run these options describe over {@code commandDefaults}: one merge, one validation. */
    RunSettings settings(SettingsLayer commandDefaults) {
        if (quick && stress) {
            throw new UsageException("--quick and --stress contradict each other: choose one");
        }
        List<SettingsLayer> layers = new ArrayList<>(List.of(SettingsLayer.DEFAULTS, commandDefaults));
        if (scenarioFile != null) {
            layers.add(ScenarioFile.load(scenarioFile));
        }
        if (quick) {
            layers.add(SettingsLayer.QUICK);
        }
        if (stress) {
            layers.add(SettingsLayer.STRESS);
        }
        layers.add(flags());
        return SettingsLayer.resolve(layers);
    }

    boolean anyThresholdFlag() {
        return !thresholdFlags.isEmpty();
    }

    private SettingsLayer flags() {
        List<Threshold> thresholds = thresholdFlags.stream().map(Threshold::parse).toList();
        return new SettingsLayer(pattern, users, ops, duration, thinkTime, rampUp, stages == null ? null : Stage.parseList(stages),
                rate == null ? null : Rate.parse(rate), maxUsers, warmUp, maxTries, seed, poolSize, poolMinIdle,
                connectionTimeout, poolProperties == null ? null : new LinkedHashMap<>(poolProperties), poolQueue, statementTimeout,
                progressEvery, sampleInterval, thresholds, retryConnectionLoss, queryMode, latencyLimit, reportPerCommand ? Boolean.TRUE : null,
                metrics.port, metrics.bind, metrics.linger, threads);
    }
}
