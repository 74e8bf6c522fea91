package io.dbsim.settings;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A run described in a file (workloads/*.yaml): the same settings as the run command's flags, in k6's
 * vocabulary (stages, think_time, pool, thresholds, with k6's abortOnFail), read as one
 * {@link SettingsLayer} that the flags given beside it override.
 */
public final class ScenarioFile {

    private record File(String description, String pattern, Integer users, Integer ops, String duration, String thinkTime,
                        String rampUp, String warmUp, List<StageEntry> stages, String rate, Integer maxUsers,
                        Integer maxTries, Long seed, String sampleInterval, Pool pool, List<JsonNode> thresholds, Retry retry,
                        String queryMode, String latencyLimit, Boolean reportPerCommand, Integer metricsPort, String metricsBind,
                        String metricsLinger) {
    }

    /** {@code retry: {connection_loss: 3}}: the run's --retry-connection-loss. */
    private record Retry(Integer connectionLoss) {
    }

    private record StageEntry(String duration, Integer target) {
    }

    private record Pool(Integer size, Integer minIdle, String connectionTimeout, String queue, Map<String, String> properties) {
    }

    private record ThresholdEntry(String threshold, @JsonAlias("abortOnFail") Boolean abortOnFail,
                                  @JsonAlias("delayAbortEval") String delayAbortEval) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private ScenarioFile() {
    }

    public static SettingsLayer load(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new UsageException("scenario file " + path + " does not exist: give the path of a scenario .yaml, "
                    + "e.g. workloads/peak.yaml");
        }
        File f;
        try {
            f = YAML.readValue(path.toFile(), File.class);
        } catch (JacksonException e) {
            throw new UsageException("scenario " + path + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read scenario " + path + ": " + e.getMessage());
        }
        String in = "scenario " + path + ":";
        try {
            return layer(f, in);
        } catch (UsageException e) {
            throw e.getMessage().startsWith(in) ? e : new UsageException(in + " " + e.getMessage());
        }
    }

    private static SettingsLayer layer(File f, String in) {
        List<Stage> stages = null;
        if (f.stages() != null) {
            stages = new ArrayList<>();
            for (StageEntry s : f.stages()) {
                if (s.duration() == null || s.target() == null) {
                    throw new UsageException(in + " every stage needs a duration and a target, e.g. {duration: 30s, target: 50}");
                }
                stages.add(Stage.of(duration(s.duration(), "stage duration"), s.target(), s.duration() + ":" + s.target()));
            }
        }
        Pool pool = f.pool() == null ? new Pool(null, null, null, null, null) : f.pool();
        PoolQueue queue = null;
        if (pool.queue() != null) {
            try {
                queue = PoolQueue.valueOf(pool.queue().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException(in + " pool queue must be fair or direct, got " + pool.queue());
            }
        }
        return new SettingsLayer(f.pattern(), f.users(), f.ops(), seconds(f.duration(), "duration"),
                duration(f.thinkTime(), "think_time"), seconds(f.rampUp(), "ramp_up"), stages,
                f.rate() == null ? null : Rate.parse(f.rate()), f.maxUsers(), duration(f.warmUp(), "warm_up"), f.maxTries(),
                f.seed(), pool.size(), pool.minIdle(), duration(pool.connectionTimeout(), "pool connection_timeout"),
                pool.properties(), queue, null, null, duration(f.sampleInterval(), "sample_interval"), thresholds(f.thresholds(), in),
                f.retry() == null ? null : f.retry().connectionLoss(),
                f.queryMode() == null ? null : queryMode(f.queryMode(), in), duration(f.latencyLimit(), "latency_limit"),
                f.reportPerCommand(), f.metricsPort(), f.metricsBind(), duration(f.metricsLinger(), "metrics_linger"));
    }

    private static QueryMode queryMode(String value, String in) {
        try {
            return QueryMode.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException(in + " query_mode must be simple, extended or prepared (pgbench's -M), got " + value);
        }
    }

    private static Duration duration(String value, String what) {
        return value == null ? null : Durations.parse(value, what);
    }

    /** Where the flags take pgbench's plain seconds (-T, --ramp-up), the file does too. */
    private static Duration seconds(String value, String what) {
        return value == null ? null : Durations.parse(value, what, Durations.Bare.SECONDS);
    }

    /** Each entry a string as on the command line, or k6's object: {threshold: ..., abortOnFail: true, delayAbortEval: 10s}. */
    private static List<Threshold> thresholds(List<JsonNode> entries, String in) {
        if (entries == null) {
            return null;
        }
        List<Threshold> out = new ArrayList<>();
        for (JsonNode e : entries) {
            if (e.isTextual()) {
                out.add(Threshold.parse(e.asText()));
                continue;
            }
            ThresholdEntry t;
            try {
                t = YAML.treeToValue(e, ThresholdEntry.class);
            } catch (JacksonException ex) {
                throw new UsageException(in + " a threshold is a string such as p95<500ms or an object {threshold: p95<500ms, "
                        + "abortOnFail: true, delayAbortEval: 10s}: " + ex.getOriginalMessage());
            }
            if (t.threshold() == null) {
                throw new UsageException(in + " a threshold object needs its threshold, e.g. {threshold: p95<500ms, abortOnFail: true}");
            }
            out.add(Threshold.parse(t.threshold(), Boolean.TRUE.equals(t.abortOnFail()),
                    t.delayAbortEval() == null ? Duration.ZERO : Durations.parse(t.delayAbortEval(), "delayAbortEval")));
        }
        return out;
    }
}
