package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.db.DatabaseKind;
import io.dbsim.engine.TestShare;
import io.dbsim.segment.StartFile;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * 'dbsim run' as one segment of a test split over several load generators, and when its users start: the flags,
 * checked once, and the share of the test they describe.
 */
final class SegmentOptions {

    private static final Duration DEFAULT_START_DELAY = Duration.ofMinutes(1);

    @Option(names = "--segment", paramLabel = "I/N",
            description = "Run the I-th of N equal shares of the test (counted from 1), as k6's execution segments: users, arrival "
                    + "rate, stage targets and the pool are divided so that the N segments together are the whole test. "
                    + "Merge their --json files with 'dbsim merge'.")
    String segment;

    @Option(names = "--segment-index", paramLabel = "I",
            description = "The segment counted from 0, as Kubernetes' JOB_COMPLETION_INDEX: --segment-index 1 --segments 8 "
                    + "is --segment 2/8.")
    Integer segmentIndex;

    @Option(names = "--segments", paramLabel = "N", description = "With --segment-index: how many segments the test is split into.")
    Integer segments;

    @Option(names = "--start-at", paramLabel = "TIME",
            description = "Start the users at this instant (ISO-8601, e.g. 2027-01-15T10:00:00Z), so that segments given the same "
                    + "one start together: ready early, the run waits and says so; started late, it says by how much.")
    String startAt;

    @Option(names = "--start-file", paramLabel = "FILE",
            description = "Agree on the start with the other segments through FILE on a volume they share: the first segment to "
                    + "get there writes the start time (then plus --start-delay) into it, the others read it.")
    Path startFile;

    @Option(names = "--start-delay", paramLabel = "TIME", converter = DurationConverter.class,
            description = "With --start-file: how long after the first segment is ready the users start (default 1m).")
    Duration startDelay;

    /** The segment asked for, if any; refused here when the flags contradict each other or leave something out. */
    Optional<Segment> segment() {
        if (segment != null && (segmentIndex != null || segments != null)) {
            throw new UsageException("give --segment I/N or --segment-index I --segments N, not both");
        }
        if (segment != null) {
            return Optional.of(Segment.parse(segment));
        }
        if (segmentIndex == null && segments == null) {
            return Optional.empty();
        }
        if (segments == null) {
            throw new UsageException("--segment-index needs --segments N: how many segments the test is split into");
        }
        if (segmentIndex == null) {
            throw new UsageException("--segments needs --segment-index I: which segment this is, counted from 0");
        }
        return Optional.of(Segment.zeroBased(segmentIndex, segments));
    }

    /** Everything that can be refused before a database is opened. */
    void check(DatabaseOptions database, Path json) {
        if (startAt != null && startFile != null) {
            throw new UsageException("give --start-at TIME or --start-file FILE, not both");
        }
        if (startDelay != null && startFile == null) {
            throw new UsageException("--start-delay goes with --start-file: with --start-at, the time itself says when");
        }
        if (startAt != null) {
            instant(startAt);
        }
        Optional<Segment> s = segment();
        if (s.isEmpty()) {
            return;
        }
        if (database.request().resolvedKind() != DatabaseKind.URL) {
            throw new UsageException("--segment needs the database every segment loads: give --jdbc-url (or DBSIM_JDBC_URL, or "
                    + "libpq's PGHOST...); an embedded or container database would be this process's own");
        }
        if (json == null) {
            throw new UsageException("--segment needs --json FILE: 'dbsim merge' adds up the segments' JSON files");
        }
    }

    /** The part of {@code whole} this process runs, from the shared start; agrees on it through --start-file now. */
    TestShare share(RunSettings whole) {
        Instant at = startAt != null ? instant(startAt) : startFile != null
                ? StartFile.agree(startFile, startDelay == null ? DEFAULT_START_DELAY : startDelay, whole.plannedDuration()) : null;
        return TestShare.of(whole, segment().orElse(Segment.WHOLE), at);
    }

    boolean segmented() {
        return segment().isPresent();
    }

    private static Instant instant(String written) {
        try {
            return OffsetDateTime.parse(written.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--start-at '" + written + "' is not a time: write it as ISO-8601, e.g. 2027-01-15T10:00:00Z "
                    + "(UTC) or 2027-01-15T11:00:00+01:00");
        }
    }
}
