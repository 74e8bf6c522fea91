package io.dbsim.segment;

import io.dbsim.analysis.RunReport;
import io.dbsim.report.JsonReport;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which segments a merged run is made of, for its JSON (the key {@code merged}): the test, whether the merge is
 * partial and what it left out, and each segment merged with its file and when it started.
 */
public record MergedFrom(String test, int segments, boolean partial, List<String> leftOut, List<Part> merged) {

    /**
     * @param startedAfterS how long after the first segment this one started its users
     */
    public record Part(String segment, String file, Instant startedAt, double startedAfterS, boolean observed) {
    }

    public static MergedFrom of(SegmentSet set) {
        Instant first = set.merged().stream().map(g -> g.segment().run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        List<Part> parts = set.merged().stream().map(g -> new Part(g.segment().label(), g.file().toString(),
                g.segment().run().startedAt(), Duration.between(first, g.segment().run().startedAt()).toMillis() / 1000.0,
                g.segment().observes())).toList();
        return new MergedFrom(set.test().id(), set.count(), set.partial(), set.leftOut(), parts);
    }

    /** The merged run's JSON: its report, with this under {@code merged}. */
    public void write(RunReport report, Path file) {
        JsonReport.write(report, Map.of("merged", SegmentJson.MAPPER.valueToTree(this)), file);
    }
}
