package io.dbsim.workload.script;

/** Receives how long each command of a script took (pgbench -r): SQL and meta commands, when they complete. */
@FunctionalInterface
public interface StatementTimer {

    StatementTimer NONE = new StatementTimer() {
        @Override
        public void record(int commandIndex, long nanos) {
        }

        @Override
        public boolean timing() {
            return false;
        }
    };

    /** @param commandIndex the command's index in {@link Script#commands()} */
    void record(int commandIndex, long nanos);

    /** False when it records nothing, so the client reads no clock for it: two reads per command, about 1% of a pgbench script's client CPU when profiled. */
    default boolean timing() {
        return true;
    }
}
