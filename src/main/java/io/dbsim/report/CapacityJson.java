package io.dbsim.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Verification;

import java.nio.file.Path;

/** The capacity command's JSON file (reports/README.md): the `capacity` section and where it came from. */
public final class CapacityJson {

    private record File(int schemaVersion, String tool, String source, CapacitySection capacity,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Verification verification) {
    }

    private CapacityJson() {
    }

    /** @param verification the target run for real (capacity --verify); null when it did not run */
    public static void write(CapacitySection plan, Verification verification, String source, Path file) {
        AtomicFiles.write(file, "capacity report", tmp -> JsonReport.MAPPER.writeValue(tmp.toFile(),
                new File(RunReport.SCHEMA_VERSION, "dbsim", source, plan, verification)));
    }
}
