package io.dbsim.workload.script;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where a script execution gets its connection (the engine's pool). The script asks for it at its
 * first SQL command and gives it back after its last one, clean: no transaction left open.
 */
public interface ConnectionLease {

    Connection acquire() throws SQLException, InterruptedException;

    void release(Connection connection) throws SQLException;
}
