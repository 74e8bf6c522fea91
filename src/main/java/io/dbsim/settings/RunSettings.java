package io.dbsim.settings;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything that shapes one simulation run, merged from defaults, a scenario file and flags
 * ({@link SettingsLayer}) and validated once; immutable after that. Either a closed model (users, each
 * doing {@code opsPerUser} operations or running for the duration, optionally in stages) or an open
 * model (a fixed arrival rate for the duration).
 *
 * @param pattern    the user pattern; null for the workload's own default until {@link #withPattern} names it
 * @param opsPerUser 0 when the run lasts for {@code duration} or its stages
 * @param duration   null when the run ends after every user's operations
 * @param statementTimeout null for the server's own
 * @param retryConnectionLoss how many times an operation whose connection was lost (or could not be made) is tried
 *                            again, with backoff; 0, the default, leaves every loss visible as a failure
 * @param queryMode        pgbench's -M; null for the driver's own default
 * @param latencyLimit     pgbench's -L: operations slower than this are counted as late; null for none
 * @param commandLatencies pgbench's -r: time every command of scripts and workload files
 * @param metrics    where live metrics are served; null when they are not (no --metrics-port)
 */
public record RunSettings(
        String pattern,
        int users,
        int opsPerUser,
        Duration duration,
        Duration thinkTime,
        Duration rampUp,
        List<Stage> stages,
        double ratePerSecond,
        int maxUsers,
        Duration warmUp,
        int maxTries,
        long seed,
        int poolSize,
        int poolMinIdle,
        Duration connectionTimeout,
        Map<String, String> poolProperties,
        PoolQueue poolQueue,
        Duration statementTimeout,
        Duration progressInterval,
        Duration sampleInterval,
        List<Threshold> thresholds,
        int retryConnectionLoss,
        QueryMode queryMode,
        Duration latencyLimit,
        boolean commandLatencies,
        MetricsEndpoint metrics) {

    public RunSettings {
        stages = List.copyOf(stages);
        poolProperties = Collections.unmodifiableMap(new LinkedHashMap<>(poolProperties));
        thresholds = List.copyOf(thresholds);
    }

    /** Settings that retry nothing on connection loss, the default. */
    public RunSettings(String pattern, int users, int opsPerUser, Duration duration, Duration thinkTime, Duration rampUp,
                       List<Stage> stages, double ratePerSecond, int maxUsers, Duration warmUp, int maxTries, long seed, int poolSize,
                       int poolMinIdle, Duration connectionTimeout, Map<String, String> poolProperties, PoolQueue poolQueue,
                       Duration statementTimeout, Duration progressInterval, Duration sampleInterval, List<Threshold> thresholds,
                       QueryMode queryMode, Duration latencyLimit, boolean commandLatencies, MetricsEndpoint metrics) {
        this(pattern, users, opsPerUser, duration, thinkTime, rampUp, stages, ratePerSecond, maxUsers, warmUp, maxTries, seed,
                poolSize, poolMinIdle, connectionTimeout, poolProperties, poolQueue, statementTimeout, progressInterval,
                sampleInterval, thresholds, 0, queryMode, latencyLimit, commandLatencies, metrics);
    }

    /** The same settings with the pattern the workload resolved. */
    public RunSettings withPattern(String name) {
        return new RunSettings(name, users, opsPerUser, duration, thinkTime, rampUp, stages, ratePerSecond, maxUsers, warmUp,
                maxTries, seed, poolSize, poolMinIdle, connectionTimeout, poolProperties, poolQueue, statementTimeout,
                progressInterval, sampleInterval, thresholds, retryConnectionLoss, queryMode, latencyLimit, commandLatencies, metrics);
    }

    public boolean openModel() {
        return ratePerSecond > 0;
    }

    public boolean staged() {
        return !stages.isEmpty();
    }

    /** How long the run may last at most; null when it ends when every user has done its operations. */
    public Duration plannedDuration() {
        if (staged()) {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }
        return duration;
    }

    /**
     * The same load held for {@code length} from the start: all users at once (or the same rate), without
     * stages, warm-up, thresholds or a progress line in between; for unmeasured warming runs.
     */
    public RunSettings steadyFor(Duration length) {
        return new RunSettings(pattern, users, 0, length, thinkTime, Duration.ZERO, List.of(), ratePerSecond, maxUsers,
                Duration.ZERO, maxTries, seed, poolSize, poolMinIdle, connectionTimeout, poolProperties, poolQueue,
                statementTimeout, length.plusSeconds(1), sampleInterval, List.of(), retryConnectionLoss, queryMode, latencyLimit, false, metrics);
    }

    /** One step of a sweep: {@code users} on a pool of {@code pool} for {@code length}, the first {@code unmeasured} left out. */
    public RunSettings step(int stepUsers, int pool, Duration length, Duration unmeasured) {
        return new RunSettings(pattern, stepUsers, 0, length, thinkTime, Duration.ZERO, List.of(), 0, maxUsers, unmeasured,
                maxTries, seed, pool, pool, connectionTimeout, poolProperties, poolQueue, statementTimeout, progressInterval,
                sampleInterval, List.of(), retryConnectionLoss, queryMode, latencyLimit, commandLatencies, metrics);
    }
}
