package io.dbsim.segment;

import io.dbsim.settings.Durations;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Stage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What makes segments parts of one test: every setting that shapes the load (all of the run's settings but how often
 * progress prints and the thresholds, which the merge checks), the number of segments, the shared start, the database
 * and the dbsim release; and a short hash of them all, the test's id.
 *
 * @param settings by name, in a fixed order, as text
 */
public record TestIdentity(String id, Map<String, String> settings) {

    private static final List<String> NOT_COMPARED = List.of("progressInterval", "thresholds", "metrics");

    public TestIdentity {
        settings = Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }

    public static TestIdentity of(RunSettings whole, int segments, Instant startAt, String database) {
        Map<String, String> s = new LinkedHashMap<>();
        try {
            for (RecordComponent c : RunSettings.class.getRecordComponents()) {
                if (!NOT_COMPARED.contains(c.getName())) {
                    s.put(snakeCase(c.getName()), text(c.getAccessor().invoke(whole)));
                }
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        s.put("segments", Integer.toString(segments));
        s.put("start_at", startAt == null ? "at once" : startAt.toString());
        s.put("database", database);
        s.put("dbsim", release());
        return new TestIdentity(hash(s), s);
    }

    /** The first thing that differs, as "seed 7 against 42"; empty when both are the same test. */
    public Optional<String> differenceFrom(TestIdentity other) {
        for (Map.Entry<String, String> e : settings.entrySet()) {
            String theirs = other.settings.get(e.getKey());
            if (!e.getValue().equals(theirs)) {
                return Optional.of(e.getKey() + " " + e.getValue() + " against " + (theirs == null ? "none" : theirs));
            }
        }
        return other.settings.keySet().stream().filter(k -> !settings.containsKey(k)).findFirst()
                .map(k -> k + " none against " + other.settings.get(k));
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "-";
            case Duration d -> Durations.format(d);
            case Double d -> BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
            case Map<?, ?> m -> new TreeMap<>(m).toString();
            case List<?> l when !l.isEmpty() && l.getFirst() instanceof Stage ->
                    Durations.stages(l.stream().map(Stage.class::cast).toList());
            case Enum<?> e -> e.name().toLowerCase(Locale.ROOT);
            default -> value.toString();
        };
    }

    private static String snakeCase(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String hash(Map<String, String> settings) {
        StringBuilder lines = new StringBuilder();
        settings.forEach((k, v) -> lines.append(k).append('=').append(v).append('\n'));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(lines.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The build's version and commit: segments of one test run the same dbsim. */
    private static String release() {
        try (InputStream in = TestIdentity.class.getResourceAsStream("/io/dbsim/build.properties")) {
            if (in == null) {
                throw new IllegalStateException("io/dbsim/build.properties is missing from the build");
            }
            Properties build = new Properties();
            build.load(in);
            return build.getProperty("version") + " (git " + build.getProperty("commit")
                    + (Boolean.parseBoolean(build.getProperty("dirty")) ? "-dirty" : "") + ")";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
