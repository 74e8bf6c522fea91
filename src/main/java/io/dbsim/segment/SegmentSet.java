package io.dbsim.segment;

import io.dbsim.UsageException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The segments of one test, checked before they are merged: all of the same test (same settings, segment count,
 * start, database and dbsim), each exactly once, none interrupted; with {@code partial}, the missing and the
 * interrupted are left out (and named) instead of refused.
 *
 * @param merged  in segment order
 * @param leftOut what a partial merge left out, e.g. "3/8 (missing)"
 */
public record SegmentSet(List<Given> merged, List<String> leftOut, TestIdentity test, int count) {

    /** A segment and the file it came from. */
    public record Given(Path file, SegmentRecord segment) {
    }

    public SegmentSet {
        merged = List.copyOf(merged);
        leftOut = List.copyOf(leftOut);
    }

    public boolean partial() {
        return !leftOut.isEmpty();
    }

    public static SegmentSet of(List<Given> given, boolean partial) {
        if (given.isEmpty()) {
            throw new UsageException("no segment to merge: give the JSON files of 'dbsim run --segment I/N --json FILE' "
                    + "(or the folder that holds them)");
        }
        Given first = given.getFirst();
        for (Given g : given.subList(1, given.size())) {
            g.segment().test().differenceFrom(first.segment().test()).ifPresent(d -> {
                throw new UsageException(g.file() + " is not a segment of the same test as " + first.file() + ": " + d
                        + " (every segment must run the same settings, segment count, start, database and dbsim)");
            });
        }
        Map<Integer, Given> byIndex = new TreeMap<>();
        for (Given g : given) {
            Given twice = byIndex.putIfAbsent(g.segment().index(), g);
            if (twice != null) {
                throw new UsageException("segment " + g.segment().label() + " is given twice: " + twice.file() + " and " + g.file()
                        + "; give each segment once");
            }
        }
        int count = first.segment().count();
        List<Given> interrupted = byIndex.values().stream().filter(g -> g.segment().run().interrupted()).toList();
        List<Integer> missing = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            if (!byIndex.containsKey(i)) {
                missing.add(i);
            }
        }
        if (!partial && !interrupted.isEmpty()) {
            throw new UsageException(segments(interrupted.stream().map(g -> g.segment().index()).toList(), count)
                    + " (" + interrupted.stream().map(g -> g.file().toString()).collect(Collectors.joining(", "))
                    + (interrupted.size() == 1 ? ") was" : ") were") + " interrupted: run the test again, or add --partial to merge "
                    + "the other segments");
        }
        if (!partial && !missing.isEmpty()) {
            throw new UsageException(segments(missing, count) + (missing.size() == 1 ? " is" : " are") + " missing (" + byIndex.size()
                    + " of " + count + " given): give every segment's file, or add --partial to merge those given");
        }
        List<Given> merged = byIndex.values().stream().filter(g -> !g.segment().run().interrupted()).toList();
        if (merged.isEmpty()) {
            throw new UsageException("nothing to merge: every segment given was interrupted");
        }
        List<String> leftOut = new ArrayList<>();
        interrupted.forEach(g -> leftOut.add(g.segment().label() + " (interrupted)"));
        missing.forEach(i -> leftOut.add(i + "/" + count + " (missing)"));
        leftOut.sort(Comparator.comparingInt(s -> Integer.parseInt(s.substring(0, s.indexOf('/')))));
        return new SegmentSet(merged, leftOut, first.segment().test(), count);
    }

    /** "segment 3/8", "segments 2/8 and 5/8", "segments 2/8 to 5/8 and 7/8": runs of consecutive segments as ranges. */
    private static String segments(List<Integer> indexes, int count) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < indexes.size(); i++) {
            int from = indexes.get(i);
            while (i + 1 < indexes.size() && indexes.get(i + 1) == indexes.get(i) + 1) {
                i++;
            }
            int to = indexes.get(i);
            parts.add(from + "/" + count + (to == from ? "" : (to == from + 1 ? " and " : " to ") + to + "/" + count));
        }
        String all = parts.size() == 1 ? parts.getFirst()
                : String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
        return (indexes.size() == 1 ? "segment " : "segments ") + all;
    }
}
