package io.dbsim.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The run report as JSON: {@link RunReport} serialised as it is (format: reports/README.md) and read
 * back into the same types, so `report`, `compare` and `ab` work on a saved run as on a live one.
 */
public final class JsonReport {

    /** snake_case keys from the record components; keys added by later versions are ignored when read. */
    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private JsonReport() {
    }

    /** Writes the report whole or not at all. */
    public static void write(RunReport run, Path file) {
        AtomicFiles.write(file, "JSON report", tmp -> MAPPER.writeValue(tmp.toFile(), run));
    }

    /**
     * Writes the report with sections of other kinds beside its keys (a segment's data for 'dbsim merge', the segments a
     * merged run came from), whole or not at all; readers of the report ignore them.
     */
    public static void write(RunReport run, Map<String, JsonNode> sections, Path file) {
        ObjectNode tree = MAPPER.valueToTree(run);
        sections.forEach(tree::set);
        AtomicFiles.write(file, "JSON report", tmp -> MAPPER.writeValue(tmp.toFile(), tree));
    }

    /** The report as a JSON tree: what the HTML page embeds for its charts. */
    static JsonNode tree(Object report) {
        return MAPPER.valueToTree(report);
    }

    /** A run report written by 'dbsim run --json', checked to be one; anything else is a one-line usage error. */
    public static RunReport read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException(file + " does not exist: give a run report written by 'dbsim run --json FILE'");
        }
        JsonNode tree;
        try {
            tree = MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException(file + " is not JSON: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!"dbsim".equals(tree.path("tool").asText()) || !tree.has("summary") || !tree.has("timeseries")) {
            throw new UsageException(file + " is not a dbsim run report: write one with 'dbsim run --json FILE'");
        }
        int version = tree.path("schema_version").asInt(0);
        if (version > RunReport.SCHEMA_VERSION) {
            throw new UsageException(file + " has schema_version " + version + "; this dbsim reads up to "
                    + RunReport.SCHEMA_VERSION + ": use a newer dbsim");
        }
        try {
            return MAPPER.treeToValue(tree, RunReport.class);
        } catch (IOException e) {
            throw new UsageException(file + " is not a complete dbsim run report: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }
}
