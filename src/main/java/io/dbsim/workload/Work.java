package io.dbsim.workload;

import java.sql.SQLException;

/**
 * What one operation does, run by the engine with a lease on a pooled connection: jOOQ code of dbsim's own
 * member workload, or work given as data (a pgbench script, a workload file's SQL). A failure is an exception,
 * which the engine classifies and counts.
 */
public interface Work {

    void run(ConnectionLease lease, OperationContext ctx) throws SQLException, InterruptedException;
}
