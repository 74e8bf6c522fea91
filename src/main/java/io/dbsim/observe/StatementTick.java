package io.dbsim.observe;

/** One statement's pg_stat_statements calls and execution time over one sample interval. */
public record StatementTick(long calls, double totalMs) {

    /** What happened since {@code before} (null when the statement is new); counters reset in between count from zero. */
    StatementTick since(StatementTick before) {
        return before == null || before.calls > calls ? this : new StatementTick(calls - before.calls, totalMs - before.totalMs);
    }
}
