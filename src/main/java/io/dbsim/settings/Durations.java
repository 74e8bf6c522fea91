package io.dbsim.settings;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Durations as users write them: 500ms, 10s, 5m, 1h. */
public final class Durations {

    private Durations() {
    }

    public static String format(Duration d) {
        if (d == null) {
            return "-";
        }
        long ms = d.toMillis();
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

    public static String stages(List<RunConfig.Stage> stages) {
        return stages.stream().map(s -> format(s.duration()) + ":" + s.target()).collect(Collectors.joining(","));
    }
}
