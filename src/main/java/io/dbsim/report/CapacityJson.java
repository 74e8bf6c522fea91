package io.dbsim.report;

import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.capacity.CapacitySection;

import java.nio.file.Path;

/** The capacity command's JSON file (reports/README.md): the `capacity` section and where it came from. */
public final class CapacityJson {

    private record File(int schemaVersion, String tool, String source, CapacitySection capacity) {
    }

    private CapacityJson() {
    }

    public static void write(CapacitySection plan, String source, Path file) {
        AtomicFiles.write(file, "capacity report",
                tmp -> JsonReport.MAPPER.writeValue(tmp.toFile(), new File(RunReport.SCHEMA_VERSION, "dbsim", source, plan)));
    }
}
