package io.dbsim.workload;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where an operation's work gets its connection (the engine's pool, behind its fair queue). Work asks for it when it
 * first needs the database and gives it back when it is done with it, clean: no transaction left open. The engine's
 * lease times both moments, so pool wait and database time are measured the same way for every kind of work.
 */
public interface ConnectionLease {

    Connection acquire() throws SQLException, InterruptedException;

    void release(Connection connection) throws SQLException;
}
