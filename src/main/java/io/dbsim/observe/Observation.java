package io.dbsim.observe;

import io.dbsim.workload.CapturedStatement;

import java.util.List;

/**
 * What dbsim saw of PostgreSQL and the pool around and during one run, beside the latencies it timed.
 * Parts that could not be read are null or empty, and {@code notes} says why.
 *
 * @param delta     pg_stat_database, pg_stat_statements, pg_stat_user_tables and _indexes: what the run did
 * @param seqScans  our statements that read whole tables to keep a few rows
 * @param hikari    HikariCP's own metrics-tracker figures
 * @param captured  every distinct statement the run's operations sent, with the values it first ran with
 * @param continuity when the observer could not see the server, the server's restarts, counters reset
 */
public record Observation(ServerFacts facts, DatabaseObserver.Delta delta, WaitSummary waits,
                          List<PlanInspector.SeqScan> seqScans, PoolAcquireTracker.Summary hikari,
                          boolean statementsAvailable, List<String> notes, List<CapturedStatement> captured,
                          Continuity continuity) {
}
