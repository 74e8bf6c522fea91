package io.dbsim.workload.script;

/** Told of each SQL command the first time a client runs it, so the run can name it in pg_stat_statements and EXPLAIN it. */
@FunctionalInterface
public interface StatementLog {

    StatementLog NONE = (sql, example) -> {
    };

    /**
     * @param sql     the command as the driver prepares it, with ? placeholders
     * @param example the command with the values it first ran with written in, as the simple protocol would send it
     */
    void firstRun(String sql, String example);
}
