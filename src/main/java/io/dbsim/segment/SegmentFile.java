package io.dbsim.segment;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport;
import io.dbsim.report.JsonReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * A segment's JSON: its own run report (which 'dbsim report' and 'compare' read as any run's) with the segment's data
 * for 'dbsim merge' under the key {@code segment}.
 */
public final class SegmentFile {

    static final String KEY = "segment";

    private SegmentFile() {
    }

    public static void write(RunReport report, SegmentRecord segment, Path file) {
        JsonReport.write(report, Map.of(KEY, SegmentJson.MAPPER.valueToTree(segment)), file);
    }

    /** The segment in {@code file}, or empty when it holds JSON of another kind (a merged run, say). */
    public static Optional<SegmentRecord> readIfSegment(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist: give the segments' JSON files (or the folder that holds them)");
        }
        JsonNode section;
        try {
            section = SegmentJson.MAPPER.readTree(file.toFile()).get(KEY);
        } catch (IOException e) {
            throw new UsageException(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (section == null || !section.isObject()) {
            return Optional.empty();
        }
        int format = section.path("format").asInt(0);
        if (format != SegmentRecord.FORMAT) {
            throw new UsageException(file + " holds a segment of format " + format + "; this dbsim merges format "
                    + SegmentRecord.FORMAT + ": merge with the dbsim that ran the segments");
        }
        try {
            return Optional.of(SegmentJson.MAPPER.treeToValue(section, SegmentRecord.class));
        } catch (IOException e) {
            throw new UsageException(file + " is not a complete segment: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
