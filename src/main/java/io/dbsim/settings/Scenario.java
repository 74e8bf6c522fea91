package io.dbsim.settings;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.UsageException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A run described in a file (workloads/*.yaml): the same settings as the run command's flags, in
 * k6's vocabulary. Flags given on the command line win over the file.
 */
public record Scenario(String description, String pattern, Integer users, Integer ops, String duration, String thinkTime,
                       String rampUp, String warmUp, List<StageEntry> stages, String rate, Integer maxUsers,
                       Integer maxTries, Long seed, String sampleInterval, Pool pool, List<String> thresholds) {

    public record StageEntry(String duration, Integer target) {
    }

    public record Pool(Integer size, Integer minIdle, String connectionTimeout, String queue, Map<String, String> properties) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public static Scenario load(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("scenario file " + file + " does not exist: give the path of a scenario .yaml, "
                    + "e.g. workloads/peak.yaml");
        }
        try {
            return YAML.readValue(file.toFile(), Scenario.class);
        } catch (JacksonException e) {
            throw new UsageException("scenario " + file + " is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UsageException("cannot read scenario " + file + ": " + e.getMessage());
        }
    }
}
