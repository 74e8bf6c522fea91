package io.dbsim.analysis.capacity;

import java.util.List;

/**
 * How much the data changed under a sweep's measurements: all tables' live rows, from the smallest any step started
 * with to the largest any step ended with. A sweep that restores its snapshot before each step grows only within a
 * step; one run with --no-restore grows along the whole sweep, and its last steps measure more data than its first.
 */
public final class DataGrowth {

    /** Past this share the steps no longer measure the same database. */
    public static final double WARN_PCT = 10;

    private DataGrowth() {
    }

    /** In percent of the rows at the start; NaN when the steps did not observe the tables (older sweep files). */
    public static double acrossPct(List<SweepStep> steps) {
        long start = steps.stream().mapToLong(SweepStep::liveRowsAtStart).filter(r -> r > 0).min().orElse(0);
        long end = steps.stream().mapToLong(SweepStep::liveRowsAtEnd).max().orElse(0);
        return start == 0 || end == 0 ? Double.NaN : 100.0 * (end - start) / start;
    }

    /**
     * Whether every step started from the same rows (within 1%), as a sweep that restores before each step does: then
     * the growth {@link #acrossPct} reports happened inside the steps, while they ran, not from one step to the next.
     */
    public static boolean sameStart(List<SweepStep> steps) {
        long low = steps.stream().mapToLong(SweepStep::liveRowsAtStart).filter(r -> r > 0).min().orElse(0);
        long high = steps.stream().mapToLong(SweepStep::liveRowsAtStart).max().orElse(0);
        return low > 0 && high <= low * 1.01;
    }

    /** One run's change, end against start; NaN when not observed. */
    public static double withinPct(SweepStep run) {
        return run.liveRowsAtStart() == 0 || run.liveRowsAtEnd() == 0 ? Double.NaN
                : 100.0 * (run.liveRowsAtEnd() - run.liveRowsAtStart()) / run.liveRowsAtStart();
    }
}
