package io.dbsim.analysis.capacity;

import java.util.List;

/**
 * A sweep: the same workload at several user counts or pool sizes, one step each; saved as JSON
 * (reports/README.md) and read back by {@code dbsim capacity}.
 */
public record Sweep(int schemaVersion, String tool, String startedAt, String database, String serverVersion,
                    String pattern, String varied, double thinkTimeMs, double stepDurationS, double warmUpS, long seed,
                    boolean interrupted, List<SweepStep> steps) {

    public static final int SCHEMA_VERSION = 1;
}
