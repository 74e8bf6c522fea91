package io.dbsim.observe;

/**
 * The range every latency histogram of a run covers: one microsecond to one hour, three significant
 * digits, so histograms of operations, the pool and whole runs add up without resizing.
 */
public final class Micros {

    public static final long HIGHEST = 3_600_000_000L;
    public static final int SIGNIFICANT_DIGITS = 3;

    private Micros() {
    }

    /** A latency in microseconds kept inside the histograms' range: negatives to 0, beyond an hour to an hour. */
    public static long clamp(long micros) {
        return Math.max(0, Math.min(micros, HIGHEST));
    }
}
