package io.dbsim.segment;

import io.dbsim.UsageException;
import io.dbsim.settings.Durations;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The segments 'dbsim merge' is given: files, each a segment, and folders, whose segment files are all taken (other
 * JSON there, such as a merged run, is passed over). With a wait, folders are looked at again until every segment of
 * the test is there or the wait is over: for a merge started beside the segments (a Kubernetes Job). Segments are
 * written whole under their final name (a temporary file, then renamed), so a file that is there is complete.
 */
public final class SegmentSource {

    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration TELL_EVERY = Duration.ofMinutes(1);

    private final Map<Path, Loaded> cache = new HashMap<>();

    private record Loaded(FileTime modified, Optional<SegmentRecord> segment) {
    }

    public static List<SegmentSet.Given> load(List<Path> paths, Duration wait, PrintWriter err) {
        return new SegmentSource().gather(paths, wait, err);
    }

    private List<SegmentSet.Given> gather(List<Path> paths, Duration wait, PrintWriter err) {
        long deadline = System.nanoTime() + wait.toNanos();
        long nextTell = System.nanoTime();
        while (true) {
            List<SegmentSet.Given> given = once(paths);
            TreeSet<Integer> missing = missing(given);
            long now = System.nanoTime();
            if (missing.isEmpty() && !given.isEmpty() || now >= deadline) {
                return given;
            }
            if (now >= nextTell) {
                String which = given.isEmpty() ? "the segments' files" : "segments " + missing.stream()
                        .map(i -> i + "/" + given.getFirst().segment().count()).collect(Collectors.joining(", "));
                err.println("merge: waiting for " + which + " (up to " + Durations.format(Duration.ofSeconds((deadline - now) / 1_000_000_000L))
                        + " more)");
                err.flush();
                nextTell = now + TELL_EVERY.toNanos();
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return given;
            }
        }
    }

    private static TreeSet<Integer> missing(List<SegmentSet.Given> given) {
        TreeSet<Integer> missing = new TreeSet<>();
        if (given.isEmpty()) {
            return missing;
        }
        int count = given.getFirst().segment().count();
        for (int i = 1; i <= count; i++) {
            missing.add(i);
        }
        given.forEach(g -> missing.remove(g.segment().index()));
        return missing;
    }

    private List<SegmentSet.Given> once(List<Path> paths) {
        List<SegmentSet.Given> given = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                for (Path file : jsonFiles(path)) {
                    segmentIn(file).ifPresent(s -> given.add(new SegmentSet.Given(file, s)));
                }
            } else {
                given.add(new SegmentSet.Given(path, segmentIn(path).orElseThrow(() -> new UsageException(path + " is not a segment "
                        + "of a test: write one with 'dbsim run --segment I/N --json FILE', and merge the segments' files"))));
            }
        }
        return given;
    }

    private Optional<SegmentRecord> segmentIn(Path file) {
        FileTime modified;
        try {
            modified = Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UsageException(file + " does not exist: give the segments' JSON files (or the folder that holds them)");
        }
        Loaded known = cache.get(file);
        if (known == null || !known.modified().equals(modified)) {
            known = new Loaded(modified, SegmentFile.readIfSegment(file));
            cache.put(file, known);
        }
        return known.segment();
    }

    private static List<Path> jsonFiles(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json") && !f.getFileName().toString().startsWith("."))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UsageException("cannot read the folder " + folder + ": " + e.getMessage());
        }
    }
}
