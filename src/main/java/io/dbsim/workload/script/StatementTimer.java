package io.dbsim.workload.script;

/** Receives how long each command of a script took (pgbench -r): SQL and meta commands, when they complete. */
@FunctionalInterface
public interface StatementTimer {

    StatementTimer NONE = (commandIndex, nanos) -> {
    };

    /** @param commandIndex the command's index in {@link Script#commands()} */
    void record(int commandIndex, long nanos);
}
