package io.dbsim.settings;

import io.dbsim.UsageException;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Durations as k6 and DBAs write them (500ms, 10s, 5m, 1h, 1m30s), read and printed. */
public final class Durations {

    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(us|ms|s|m|h)");
    private static final Pattern BARE = Pattern.compile("\\d+(?:\\.\\d+)?");

    /** What a number without a unit means: pgbench's -T, -P and the like take plain seconds, its -L milliseconds. */
    public enum Bare { REFUSED, SECONDS, MILLISECONDS }

    private Durations() {
    }

    /** A duration with its unit; {@code what} names the setting in the error, e.g. "--think-time". */
    public static Duration parse(String value, String what) {
        return parse(value, what, Bare.REFUSED);
    }

    public static Duration parse(String value, String what, Bare bare) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("0")) {
            return Duration.ZERO;
        }
        if (BARE.matcher(v).matches()) {
            if (bare != Bare.REFUSED) {
                return Duration.ofNanos(Math.round(Double.parseDouble(v) * (bare == Bare.SECONDS ? 1e9 : 1e6)));
            }
            throw new UsageException(label(what) + "'" + value + "' needs a unit: write it like 500ms, 10s, 5m or 1h (" + v + "ms? "
                    + v + "s?)");
        }
        Matcher m = PART.matcher(v);
        long nanos = 0;
        int end = 0;
        while (m.find() && m.start() == end) {
            double n = Double.parseDouble(m.group(1));
            long unit = switch (m.group(2)) {
                case "us" -> 1_000L;
                case "ms" -> 1_000_000L;
                case "s" -> 1_000_000_000L;
                case "m" -> 60_000_000_000L;
                default -> 3_600_000_000_000L;
            };
            nanos += Math.round(n * unit);
            end = m.end();
        }
        if (end == 0 || end != v.length()) {
            throw new UsageException(label(what) + "'" + value + "' is not a duration: write it like 500ms, 10s, 5m or 1h"
                    + switch (bare) {
                        case SECONDS -> " (a plain number is seconds, as in pgbench)";
                        case MILLISECONDS -> " (a plain number is milliseconds, as in pgbench)";
                        case REFUSED -> "";
                    });
        }
        return Duration.ofNanos(nanos);
    }

    private static String label(String what) {
        return what.isEmpty() ? "" : what + " ";
    }

    /** The largest unit that divides the duration exactly: 500ms, 10s, 5m, 1h. */
    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
        if (ms * 1_000_000 != d.toNanos()) {
            long us = d.toNanos() / 1000;
            return us * 1000 == d.toNanos() ? us + "us" : d.toNanos() + "ns";
        }
        if (ms % 3_600_000 == 0 && ms > 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** A duration given in milliseconds, as a report stores it, printed as {@link #format(Duration)} does. */
    public static String formatMillis(double ms) {
        return format(Duration.ofNanos(Math.round(ms * 1e6)));
    }

    public static String stages(List<Stage> stages) {
        return stages.stream().map(s -> format(s.duration()) + ":" + s.target()).collect(Collectors.joining(","));
    }
}
