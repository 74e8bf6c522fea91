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
 * @param threads    what the users run on; AUTO leaves it to the engine
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
        MetricsEndpoint metrics,
        ThreadModel threads) {

    public RunSettings {
        stages = List.copyOf(stages);
        poolProperties = Collections.unmodifiableMap(new LinkedHashMap<>(poolProperties));
        thresholds = List.copyOf(thresholds);
    }

    /** The same settings with the pattern the workload resolved. */
    public RunSettings withPattern(String name) {
        return toBuilder().pattern(name).build();
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
        return toBuilder().opsPerUser(0).duration(length).rampUp(Duration.ZERO).stages(List.of()).warmUp(Duration.ZERO)
                .progressInterval(length.plusSeconds(1)).thresholds(List.of()).commandLatencies(false).build();
    }

    /** One step of a sweep: {@code users} on a pool of {@code pool} for {@code length}, the first {@code unmeasured} left out. */
    public RunSettings step(int stepUsers, int pool, Duration length, Duration unmeasured) {
        return toBuilder().users(stepUsers).opsPerUser(0).duration(length).rampUp(Duration.ZERO).stages(List.of()).ratePerSecond(0)
                .warmUp(unmeasured).poolSize(pool).poolMinIdle(pool).thresholds(List.of()).build();
    }

    /** The most users that run at once: the user count, the highest stage, or the open model's cap on operations in flight. */
    public int peakUsers() {
        if (openModel()) {
            return maxUsers;
        }
        return staged() ? stages.stream().mapToInt(Stage::target).max().orElse(0) : users;
    }

    /** These settings as a builder, to change some of them: every component not set keeps its value here. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.pattern = pattern;
        b.users = users;
        b.opsPerUser = opsPerUser;
        b.duration = duration;
        b.thinkTime = thinkTime;
        b.rampUp = rampUp;
        b.stages = stages;
        b.ratePerSecond = ratePerSecond;
        b.maxUsers = maxUsers;
        b.warmUp = warmUp;
        b.maxTries = maxTries;
        b.seed = seed;
        b.poolSize = poolSize;
        b.poolMinIdle = poolMinIdle;
        b.connectionTimeout = connectionTimeout;
        b.poolProperties = poolProperties;
        b.poolQueue = poolQueue;
        b.statementTimeout = statementTimeout;
        b.progressInterval = progressInterval;
        b.sampleInterval = sampleInterval;
        b.thresholds = thresholds;
        b.retryConnectionLoss = retryConnectionLoss;
        b.queryMode = queryMode;
        b.latencyLimit = latencyLimit;
        b.commandLatencies = commandLatencies;
        b.metrics = metrics;
        b.threads = threads;
        return b;
    }

    /**
     * Settings built component by component, for code that derives settings from others ({@link #toBuilder}) and for
     * tests; what the user gives goes through {@link SettingsLayer}, which validates it.
     */
    public static final class Builder {
        private String pattern;
        private int users;
        private int opsPerUser;
        private Duration duration;
        private Duration thinkTime;
        private Duration rampUp;
        private List<Stage> stages = List.of();
        private double ratePerSecond;
        private int maxUsers;
        private Duration warmUp;
        private int maxTries;
        private long seed;
        private int poolSize;
        private int poolMinIdle;
        private Duration connectionTimeout;
        private Map<String, String> poolProperties = Map.of();
        private PoolQueue poolQueue;
        private Duration statementTimeout;
        private Duration progressInterval;
        private Duration sampleInterval;
        private List<Threshold> thresholds = List.of();
        private int retryConnectionLoss;
        private QueryMode queryMode;
        private Duration latencyLimit;
        private boolean commandLatencies;
        private MetricsEndpoint metrics;
        private ThreadModel threads = ThreadModel.AUTO;

        public Builder pattern(String value) {
            this.pattern = value;
            return this;
        }

        public Builder users(int value) {
            this.users = value;
            return this;
        }

        public Builder opsPerUser(int value) {
            this.opsPerUser = value;
            return this;
        }

        public Builder duration(Duration value) {
            this.duration = value;
            return this;
        }

        public Builder thinkTime(Duration value) {
            this.thinkTime = value;
            return this;
        }

        public Builder rampUp(Duration value) {
            this.rampUp = value;
            return this;
        }

        public Builder stages(List<Stage> value) {
            this.stages = value;
            return this;
        }

        public Builder ratePerSecond(double value) {
            this.ratePerSecond = value;
            return this;
        }

        public Builder maxUsers(int value) {
            this.maxUsers = value;
            return this;
        }

        public Builder warmUp(Duration value) {
            this.warmUp = value;
            return this;
        }

        public Builder maxTries(int value) {
            this.maxTries = value;
            return this;
        }

        public Builder seed(long value) {
            this.seed = value;
            return this;
        }

        public Builder poolSize(int value) {
            this.poolSize = value;
            return this;
        }

        public Builder poolMinIdle(int value) {
            this.poolMinIdle = value;
            return this;
        }

        public Builder connectionTimeout(Duration value) {
            this.connectionTimeout = value;
            return this;
        }

        public Builder poolProperties(Map<String, String> value) {
            this.poolProperties = value;
            return this;
        }

        public Builder poolQueue(PoolQueue value) {
            this.poolQueue = value;
            return this;
        }

        public Builder statementTimeout(Duration value) {
            this.statementTimeout = value;
            return this;
        }

        public Builder progressInterval(Duration value) {
            this.progressInterval = value;
            return this;
        }

        public Builder sampleInterval(Duration value) {
            this.sampleInterval = value;
            return this;
        }

        public Builder thresholds(List<Threshold> value) {
            this.thresholds = value;
            return this;
        }

        public Builder retryConnectionLoss(int value) {
            this.retryConnectionLoss = value;
            return this;
        }

        public Builder queryMode(QueryMode value) {
            this.queryMode = value;
            return this;
        }

        public Builder latencyLimit(Duration value) {
            this.latencyLimit = value;
            return this;
        }

        public Builder commandLatencies(boolean value) {
            this.commandLatencies = value;
            return this;
        }

        public Builder metrics(MetricsEndpoint value) {
            this.metrics = value;
            return this;
        }

        public Builder threads(ThreadModel value) {
            this.threads = value;
            return this;
        }

        public RunSettings build() {
            return new RunSettings(pattern, users, opsPerUser, duration, thinkTime, rampUp, stages, ratePerSecond, maxUsers, warmUp, maxTries, seed, poolSize, poolMinIdle, connectionTimeout, poolProperties, poolQueue, statementTimeout, progressInterval, sampleInterval, thresholds, retryConnectionLoss, queryMode, latencyLimit, commandLatencies, metrics, threads);
        }
    }
}
