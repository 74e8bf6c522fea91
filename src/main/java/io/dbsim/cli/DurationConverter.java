package io.dbsim.cli;

import picocli.CommandLine;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as k6 and DBAs write them: 500ms, 10s, 5m, 1h, 1m30s. */
public final class DurationConverter implements CommandLine.ITypeConverter<Duration> {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s|m|h)");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    public static Duration parse(String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        Matcher m = PART.matcher(v);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += (long) (n * unit);
            end = m.end();
        }
        if (end == 0 || end != v.length()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a duration: write it like 500ms, 10s, 5m or 1h");
        }
        return Duration.ofNanos(nanos);
    }
}
