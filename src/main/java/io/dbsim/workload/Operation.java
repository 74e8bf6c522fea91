package io.dbsim.workload;

/**
 * One thing an application user does, under a stable name that reports and thresholds use; {@code index} is where
 * its metrics live, looked up without a map.
 */
public record Operation(int index, String name, OperationKind kind, Work work) {
}
