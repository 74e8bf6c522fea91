package io.dbsim.metrics;

/** One statement's pg_stat_statements calls and execution time over one sample interval. */
public record StatementTick(long calls, double totalMs) {
}
