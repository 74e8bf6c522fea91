package io.dbsim.workload;

import io.dbsim.UsageException;

import java.util.SplittableRandom;

/** How a user's pause between operations is drawn around the mean the user asked for. */
public record ThinkTime(Distribution distribution, double cap) {

    public enum Distribution { EXPONENTIAL, UNIFORM, CONSTANT }

    public static final ThinkTime DEFAULT = new ThinkTime(Distribution.EXPONENTIAL, 5);

    public ThinkTime {
        if (cap < 1) {
            throw new UsageException("think_time cap must be at least 1 (a multiple of the mean), got " + cap);
        }
    }

    public long nextNanos(long meanNanos, SplittableRandom r) {
        if (meanNanos <= 0) {
            return 0;
        }
        return switch (distribution) {
            case CONSTANT -> meanNanos;
            case UNIFORM -> (long) (r.nextDouble() * 2 * meanNanos);
            case EXPONENTIAL -> (long) Math.min(cap * meanNanos, -Math.log(1 - r.nextDouble()) * meanNanos);
        };
    }
}
