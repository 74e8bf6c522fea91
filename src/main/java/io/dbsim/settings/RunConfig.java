package io.dbsim.settings;

import io.dbsim.engine.PoolGate;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Everything that shapes one simulation run. Either a closed model (users, each doing ops or running
 * for the duration, optionally in stages) or an open model (a fixed arrival rate for the duration).
 */
public record RunConfig(
        String patternName,
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
        PoolGate.Queue poolQueue,
        Duration statementTimeout,
        Duration progressInterval,
        Duration sampleInterval) {

    /** k6's stage: reach `target` users by the end of `duration`, linearly from the previous target. */
    public record Stage(Duration duration, int target) {
    }

    public boolean openModel() {
        return ratePerSecond > 0;
    }

    public boolean staged() {
        return !stages.isEmpty();
    }

    /**
     * The same load held for {@code length} from the start: all users at once (or the same rate),
     * without stages, warm-up or a progress line in between; for unmeasured warming runs.
     */
    public RunConfig steadyFor(Duration length) {
        return new RunConfig(patternName, users, 0, length, thinkTime, Duration.ZERO, List.of(), ratePerSecond, maxUsers,
                Duration.ZERO, maxTries, seed, poolSize, poolMinIdle, connectionTimeout, poolProperties, poolQueue,
                statementTimeout, length.plusSeconds(1), sampleInterval);
    }

    /** How long the run may last at most; null when it ends when every user has done its operations. */
    public Duration plannedDuration() {
        if (staged()) {
            return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
        }
        return duration;
    }
}
