package io.dbsim.settings;

import io.dbsim.UsageException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The I-th of N equal shares of one test (dbsim run --segment I/N), as k6's execution segments divide a test among
 * load generators. Shares are striped: item k of the whole test (its k-th user, arrival, connection) belongs to
 * segment (k mod N) + 1, so every count is divided exactly, remainders going to the first segments, and the N
 * shares add up to the whole.
 *
 * @param index 1-based, as written in {@code 2/8}
 */
public record Segment(int index, int count) {

    /** The whole test: one segment of one. */
    public static final Segment WHOLE = new Segment(1, 1);

    private static final Pattern WRITTEN = Pattern.compile("\\s*(\\d{1,6})\\s*/\\s*(\\d{1,6})\\s*");

    public Segment {
        if (count < 1 || index < 1 || index > count) {
            throw new IllegalArgumentException("segment " + index + "/" + count);
        }
    }

    /** {@code 2/8}: the second of eight, counted from 1. */
    public static Segment parse(String written) {
        Matcher m = WRITTEN.matcher(written);
        if (!m.matches()) {
            throw new UsageException("--segment '" + written + "' must be I/N, the I-th of N segments counted from 1, e.g. 2/8");
        }
        return numbered(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), "--segment " + written.trim());
    }

    /** Counted from 0, as Kubernetes' JOB_COMPLETION_INDEX counts: index 0 of 8 is {@code 1/8}. */
    public static Segment zeroBased(int index, int count) {
        return numbered(index + 1, count, "--segment-index " + index + " --segments " + count);
    }

    private static Segment numbered(int index, int count, String written) {
        if (count < 1) {
            throw new UsageException(written + ": the number of segments must be 1 or more");
        }
        if (index < 1 || index > count) {
            throw new UsageException(written + ": there is no such segment; the segments of " + count + " are 1/" + count
                    + " to " + count + "/" + count + " (--segment-index 0 to " + (count - 1) + ")");
        }
        return new Segment(index, count);
    }

    public boolean whole() {
        return count == 1;
    }

    /** This segment's part of {@code total}: how many k below it have k mod N = I - 1. */
    public int share(int total) {
        return total < index ? 0 : (total - index) / count + 1;
    }

    /** Whether item k of the whole test (counted from 0) is this segment's. */
    public boolean runs(long k) {
        return k % count == index - 1;
    }

    /** The whole test's number (from 0) of this segment's {@code local}-th item (from 0). */
    public int nth(int local) {
        return index - 1 + local * count;
    }

    /**
     * The settings this segment runs: the whole test's users, stage targets, pool, minimum idle connections and
     * in-flight cap as its share, the arrival rate divided by N; durations, think time, warm-up and seed unchanged.
     * Refused when a segment would have no user or no connection at all.
     */
    public RunSettings of(RunSettings test) {
        if (whole()) {
            return test;
        }
        String split = " cannot be split into " + count + " segments: ";
        if (test.openModel()) {
            require(test.maxUsers() >= count, "--max-users " + test.maxUsers() + split + "each segment needs one in flight at "
                    + "least; give --max-users " + count + " or more, or fewer segments");
        } else if (test.staged()) {
            int most = test.stages().stream().mapToInt(Stage::target).max().orElse(0);
            require(most >= count, "--stages reach " + most + " users at most, too few for " + count + " segments: each segment "
                    + "needs a user at least; raise a target to " + count + " or more, or run fewer segments");
        } else {
            require(test.users() >= count, "--users " + test.users() + split + "each segment needs a user at least; give --users "
                    + count + " or more, or fewer segments");
        }
        require(test.poolSize() >= count, "--pool-size " + test.poolSize() + split + "each segment has a pool of its own, their "
                + "sizes adding up to the whole test's; give --pool-size " + count + " or more");
        List<Stage> stages = test.stages().stream().map(s -> new Stage(s.duration(), share(s.target()))).toList();
        return test.toBuilder().users(share(test.users())).stages(stages).ratePerSecond(test.ratePerSecond() / count)
                .maxUsers(share(test.maxUsers())).poolSize(share(test.poolSize())).poolMinIdle(share(test.poolMinIdle())).build();
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new UsageException(message);
        }
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
