package io.dbsim.workload.script;

import java.sql.SQLException;

/**
 * One execution of a script failed at one command, as a pgbench transaction fails: a SQL error
 * (its SQLState and the driver's exception as cause, so deadlocks and serialization failures are
 * recognised), or an error of the script itself at run time, such as a division by zero, a NULL
 * where a number is needed, or a \gset that got no row. The connection has been given back clean.
 */
public final class ScriptFailure extends SQLException {

    private final int commandIndex;

    ScriptFailure(String message, int commandIndex, SQLException cause) {
        super(message, cause == null ? null : cause.getSQLState(), cause == null ? 0 : cause.getErrorCode(), cause);
        this.commandIndex = commandIndex;
    }

    /** The index in {@link Script#commands()} of the command that failed. */
    public int commandIndex() {
        return commandIndex;
    }
}
