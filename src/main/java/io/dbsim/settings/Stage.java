package io.dbsim.settings;

import io.dbsim.UsageException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** k6's stage: reach {@code target} users by the end of {@code duration}, linearly from the previous target. */
public record Stage(Duration duration, int target) {

    /** {@code 30s:50,2m:50,30s:0}, as --stages takes it. */
    public static List<Stage> parseList(String value) {
        List<Stage> result = new ArrayList<>();
        for (String part : value.split(",")) {
            String[] pieces = part.trim().split(":");
            if (pieces.length != 2) {
                throw new UsageException("--stages '" + part.trim() + "' must be TIME:USERS, e.g. 30s:50");
            }
            int target;
            try {
                target = Integer.parseInt(pieces[1].trim());
            } catch (NumberFormatException e) {
                throw new UsageException("--stages '" + part.trim() + "' must be TIME:USERS, e.g. 30s:50");
            }
            result.add(of(Durations.parse(pieces[0], "--stages '" + part.trim() + "':"), target, part.trim()));
        }
        return List.copyOf(result);
    }

    static Stage of(Duration duration, int target, String written) {
        if (target < 0) {
            throw new UsageException("--stages: a user count cannot be negative (" + written + ")");
        }
        return new Stage(duration, target);
    }
}
