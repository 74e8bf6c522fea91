package io.dbsim.analysis.capacity;

import java.util.List;

/**
 * A sweep: the same workload at several user counts or pool sizes, one step each; saved as JSON
 * (reports/README.md) and read back by {@code dbsim capacity}.
 *
 * @param paced the steps with thinking users that a sweep at think time 0 ends with ({@link PacedStep}); empty when
 *              none ran (older sweep files, --paced-users 0, a sweep with a think time or of pool sizes)
 */
public record Sweep(int schemaVersion, String tool, String startedAt, String database, String serverVersion,
                    String pattern, String varied, double thinkTimeMs, double stepDurationS, double warmUpS, long seed,
                    boolean interrupted, List<SweepStep> steps, List<PacedStep> paced) {

    public static final int SCHEMA_VERSION = 1;

    public Sweep {
        paced = paced == null ? List.of() : List.copyOf(paced);
    }
}
