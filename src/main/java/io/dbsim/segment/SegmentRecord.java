package io.dbsim.segment;

import io.dbsim.engine.RunResult;
import io.dbsim.engine.TestShare;
import io.dbsim.settings.Segment;
import io.dbsim.settings.RunSettings;

import java.time.Instant;
import java.util.List;

/**
 * What one segment's JSON carries for an exact merge, under its {@code segment} key: which segment of which test it
 * is, and what it measured as the engine recorded it (histograms whole, not percentiles), with its time series by
 * wall clock.
 *
 * @param format    raised when this section changes shape
 * @param index     1-based
 * @param test      the test's identity: every segment of one test has the same
 * @param startAt   the shared start the segment waited for; null when it started at once
 * @param wholeTest the whole test's settings, which the merged run reports
 * @param run       the segment's run
 * @param timeline  for each point of the run's time series, in order: its wall clock and interval histograms
 */
public record SegmentRecord(int format, int index, int count, TestIdentity test, boolean observes, Instant startAt,
                            RunSettings wholeTest, RunResult run, List<SegmentPoint> timeline) {

    public static final int FORMAT = 1;

    public SegmentRecord {
        timeline = List.copyOf(timeline);
        if (timeline.size() != run.timeSeries().size()) {
            throw new IllegalArgumentException("a timeline of " + timeline.size() + " points for a time series of "
                    + run.timeSeries().size());
        }
    }

    /** The segment {@code share} ran, from its result and the points {@link IntervalHistograms} kept. */
    public static SegmentRecord of(TestShare share, RunResult run, List<SegmentPoint> timeline) {
        Segment s = share.segment();
        return new SegmentRecord(FORMAT, s.index(), s.count(), TestIdentity.of(share.wholeTest(), s.count(), share.startAt(),
                run.database()), share.observes(), share.startAt(), share.wholeTest(), run, timeline);
    }

    public String label() {
        return index + "/" + count;
    }
}
