package io.dbsim.settings;

import io.dbsim.UsageException;

import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One source of a run's settings, every field optional: the defaults, a command's own defaults, a
 * scenario file, a preset such as --quick, the flags. {@link #merge} applies them in that order by one
 * rule, as k6 merges its config sources: a later layer's value replaces an earlier one's, except maps
 * (pool properties), merged key by key, and thresholds, which add up. {@link #resolve} then validates
 * the result once.
 */
public record SettingsLayer(
        String pattern,
        Integer users,
        Integer ops,
        Duration duration,
        Duration thinkTime,
        Duration rampUp,
        List<Stage> stages,
        Double ratePerSecond,
        Integer maxUsers,
        Duration warmUp,
        Integer maxTries,
        Long seed,
        Integer poolSize,
        Integer poolMinIdle,
        Duration connectionTimeout,
        Map<String, String> poolProperties,
        PoolQueue poolQueue,
        Duration statementTimeout,
        Duration progressInterval,
        Duration sampleInterval,
        List<Threshold> thresholds,
        Integer retryConnectionLoss,
        QueryMode queryMode,
        Duration latencyLimit,
        Boolean commandLatencies,
        Integer metricsPort,
        String metricsBind,
        Duration metricsLinger) {

    private static final RecordComponent[] COMPONENTS = SettingsLayer.class.getRecordComponents();
    /** Settings that may stay unset: the run then does without them, or the server or driver decides. */
    private static final List<String> OPTIONAL = List.of("pattern", "duration", "poolMinIdle", "statementTimeout", "queryMode",
            "latencyLimit", "metricsPort", "metricsBind");

    public static final SettingsLayer EMPTY = new SettingsLayer(null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    /** dbsim run's defaults, the first layer of every run. */
    public static final SettingsLayer DEFAULTS = EMPTY.with("users", 50).with("ops", 50)
            .with("thinkTime", Duration.ofMillis(100)).with("rampUp", Duration.ofSeconds(10)).with("stages", List.of())
            .with("ratePerSecond", 0.0).with("maxUsers", 1000).with("warmUp", Duration.ZERO).with("maxTries", 1)
            .with("seed", 42L).with("poolSize", 20).with("connectionTimeout", Duration.ofSeconds(30))
            .with("poolProperties", Map.of()).with("poolQueue", PoolQueue.FAIR).with("progressInterval", Duration.ofSeconds(5))
            .with("sampleInterval", Duration.ofSeconds(1)).with("thresholds", List.of()).with("retryConnectionLoss", 0).with("commandLatencies", false)
            .with("metricsLinger", Duration.ofSeconds(15));

    public static final SettingsLayer QUICK = EMPTY.with("users", 10).with("ops", 20);
    public static final SettingsLayer STRESS = EMPTY.with("users", 200).with("ops", 100);

    /** This layer with one field set, by its name: for defaults and presets written as data. */
    public SettingsLayer with(String field, Object value) {
        Object[] values = values();
        int i = indexOf(field);
        values[i] = value;
        return make(values);
    }

    /** The layers applied in order: later ones win, maps merge key by key, thresholds add up. */
    public static SettingsLayer merge(List<SettingsLayer> layers) {
        Object[] merged = EMPTY.values();
        for (SettingsLayer layer : layers) {
            Object[] values = layer.values();
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    continue;
                }
                if (merged[i] instanceof Map<?, ?> before && values[i] instanceof Map<?, ?> after) {
                    Map<Object, Object> both = new LinkedHashMap<>(before);
                    both.putAll(after);
                    merged[i] = both;
                } else if (COMPONENTS[i].getName().equals("thresholds") && merged[i] instanceof List<?> before) {
                    List<Object> both = new ArrayList<>(before);
                    both.addAll((List<?>) values[i]);
                    merged[i] = both;
                } else {
                    merged[i] = values[i];
                }
            }
        }
        return make(merged);
    }

    /** Merges and validates: the settings of one run, or a one-line usage error. */
    public static RunSettings resolve(List<SettingsLayer> layers) {
        SettingsLayer s = merge(layers);
        for (int i = 0; i < COMPONENTS.length; i++) {
            String name = COMPONENTS[i].getName();
            if (s.values()[i] == null && !OPTIONAL.contains(name)) {
                throw new IllegalStateException("no default for " + name + ": the first layer must be DEFAULTS");
            }
        }
        require(s.users() >= 1, "--users must be 1 or more, got " + s.users());
        require(s.ops() >= 1, "--ops must be 1 or more, got " + s.ops());
        require(s.poolSize() >= 1, "--pool-size must be 1 or more, got " + s.poolSize());
        require(s.poolMinIdle() == null || s.poolMinIdle() >= 0, "--pool-min-idle cannot be negative, got " + s.poolMinIdle());
        require(s.maxTries() >= 1, "--max-tries must be 1 or more, got " + s.maxTries());
        require(s.retryConnectionLoss() >= 0 && s.retryConnectionLoss() <= 100, "--retry-connection-loss is how many times "
                + "to retry an operation whose connection was lost, 0 (the default) to 100, got " + s.retryConnectionLoss());
        require(s.maxUsers() >= 1, "--max-users must be 1 or more, got " + s.maxUsers());
        require(s.connectionTimeout().toMillis() >= 250,
                "--connection-timeout must be at least 250ms (HikariCP's minimum), got " + Durations.format(s.connectionTimeout()));
        require(s.sampleInterval().toMillis() >= 100,
                "--sample-interval must be at least 100ms, got " + Durations.format(s.sampleInterval()));
        require(!s.progressInterval().isZero(), "--progress must be longer than 0s (it is how often the progress line prints)");
        require(s.duration() == null || !s.duration().isZero(),
                "--duration must be longer than 0s, as pgbench's -T: give the run's length, e.g. -T 60 or --duration 5m");
        boolean staged = !s.stages().isEmpty();
        if (staged) {
            Duration total = s.stages().stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
            require(!total.isZero(), "--stages must last longer than 0s in all, e.g. 30s:50,2m:50,30s:0");
        }
        if (s.ratePerSecond() > 0) {
            require(s.duration() != null, "--rate needs --duration: how long to keep the arrival rate, e.g. --duration 2m");
            require(!staged, "--rate and --stages are two different models: choose one");
        }
        Duration planned = staged ? s.stages().stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus) : s.duration();
        require(planned == null || s.warmUp().compareTo(planned) < 0, "--warm-up " + Durations.format(s.warmUp())
                + " leaves nothing of a " + Durations.format(planned) + " run to measure: shorten it or lengthen the run");
        require(s.latencyLimit() == null || !s.latencyLimit().isZero(),
                "--latency-limit must be longer than 0s, as pgbench's -L: e.g. --latency-limit 50ms");
        int opsPerUser = s.duration() != null || staged ? 0 : s.ops();
        int minIdle = s.poolMinIdle() == null ? s.poolSize() : Math.min(s.poolMinIdle(), s.poolSize());
        return new RunSettings(s.pattern(), s.users(), opsPerUser, s.duration(), s.thinkTime(), s.rampUp(), s.stages(),
                s.ratePerSecond(), s.maxUsers(), s.warmUp(), s.maxTries(), s.seed(), s.poolSize(), minIdle,
                s.connectionTimeout(), s.poolProperties(), s.poolQueue(), s.statementTimeout(), s.progressInterval(),
                s.sampleInterval(), s.thresholds(), s.retryConnectionLoss(), s.queryMode(), s.latencyLimit(), s.commandLatencies(),
                MetricsEndpoint.of(s.metricsPort(), s.metricsBind(), s.metricsLinger()));
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    private Object[] values() {
        Object[] values = new Object[COMPONENTS.length];
        try {
            for (int i = 0; i < COMPONENTS.length; i++) {
                values[i] = COMPONENTS[i].getAccessor().invoke(this);
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return values;
    }

    private static int indexOf(String field) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getName().equals(field)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no setting named " + field);
    }

    private static SettingsLayer make(Object[] values) {
        try {
            Class<?>[] types = new Class<?>[COMPONENTS.length];
            for (int i = 0; i < COMPONENTS.length; i++) {
                types[i] = COMPONENTS[i].getType();
            }
            return SettingsLayer.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
