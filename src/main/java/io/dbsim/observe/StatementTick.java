package io.dbsim.observe;

import java.util.Map;

/** One statement's pg_stat_statements calls and execution time over one sample interval. */
public record StatementTick(long calls, double totalMs) {

    /**
     * Whether pg_stat_statements was reset between two looks: most statements seen at both have fewer calls. One
     * statement alone may have been evicted and come back (pg_stat_statements.max), which is no reset.
     */
    static boolean mostBelow(Map<Long, StatementTick> now, Map<Long, StatementTick> earlier) {
        int both = 0;
        int below = 0;
        for (Map.Entry<Long, StatementTick> e : now.entrySet()) {
            StatementTick before = earlier.get(e.getKey());
            if (before != null) {
                both++;
                below += e.getValue().calls < before.calls ? 1 : 0;
            }
        }
        return below > 0 && below * 2 > both;
    }

    /** What happened since {@code before} (null when the statement is new); counters reset in between count from zero. */
    StatementTick since(StatementTick before) {
        return before == null || before.calls > calls ? this : new StatementTick(calls - before.calls, totalMs - before.totalMs);
    }
}
