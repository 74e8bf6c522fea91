package io.dbsim.workload;

/**
 * A statement dbsim sent, as the driver sent it ({@code sql}, with placeholders) and once with its
 * first values written in ({@code example}), so it can be matched in pg_stat_statements and EXPLAINed.
 */
public record CapturedStatement(String operation, String sql, String example) {
}
