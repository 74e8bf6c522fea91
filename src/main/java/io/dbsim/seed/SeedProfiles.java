package io.dbsim.seed;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads seed profiles: the built-in ones shipped from seed/, or a YAML file the user names. */
public final class SeedProfiles {

    public static final List<String> BUILT_IN = List.of("small", "medium", "large");

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private SeedProfiles() {
    }

    /** Mirrors the YAML file; the name comes from the file, not from inside it. */
    private record ProfileFile(String description, long organizations, double contactsPerOrganization, long members,
                               double employmentsPerMember, double studentShare, double attachmentsPerMember) {
    }

    public static SeedProfile load(String nameOrPath) {
        if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml") || nameOrPath.contains("/")) {
            Path path = Path.of(nameOrPath);
            if (!Files.isRegularFile(path)) {
                throw new UsageException("seed profile file " + nameOrPath + " does not exist: give one of "
                        + String.join(", ", BUILT_IN) + " or the path of a profile .yaml");
            }
            try (InputStream in = Files.newInputStream(path)) {
                return parse(path.getFileName().toString().replaceFirst("\\.ya?ml$", ""), in, nameOrPath);
            } catch (IOException e) {
                throw new UsageException("cannot read seed profile " + nameOrPath + ": " + e.getMessage());
            }
        }
        InputStream in = SeedProfiles.class.getResourceAsStream("/seed/" + nameOrPath + ".yaml");
        if (in == null) {
            throw new UsageException("unknown seed profile '" + nameOrPath + "': choose one of "
                    + String.join(", ", BUILT_IN) + ", or give the path of a profile .yaml");
        }
        try (in) {
            return parse(nameOrPath, in, "seed/" + nameOrPath + ".yaml");
        } catch (IOException e) {
            throw new UsageException("cannot read seed profile " + nameOrPath + ": " + e.getMessage());
        }
    }

    private static SeedProfile parse(String name, InputStream in, String source) throws IOException {
        ProfileFile f;
        try {
            f = YAML.readValue(in, ProfileFile.class);
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new UsageException("seed profile " + source + " is not valid: " + e.getOriginalMessage());
        }
        return new SeedProfile(name, f.description(), f.organizations(), f.contactsPerOrganization(), f.members(),
                f.employmentsPerMember(), f.studentShare(), f.attachmentsPerMember());
    }
}
