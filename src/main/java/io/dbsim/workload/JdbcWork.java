package io.dbsim.workload;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A built-in operation's statements on one pooled connection: in an explicit transaction when the operation has
 * several statements or writes, else in autocommit, as the application would run them. On failure the transaction is
 * rolled back and the exception goes to the engine, which gives the connection back (HikariCP restores autocommit)
 * and counts the failure.
 */
record JdbcWork(boolean explicitTransaction, Body body) implements Work {

    @FunctionalInterface
    interface Body {
        void run(Connection connection, OperationContext ctx) throws SQLException;
    }

    @Override
    public void run(ConnectionLease lease, OperationContext ctx) throws SQLException, InterruptedException {
        Connection connection = lease.acquire();
        if (explicitTransaction) {
            inTransaction(connection, ctx);
        } else {
            body.run(connection, ctx);
        }
        lease.release(connection);
    }

    private void inTransaction(Connection connection, OperationContext ctx) throws SQLException {
        connection.setAutoCommit(false);
        try {
            body.run(connection, ctx);
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        }
        connection.setAutoCommit(true);
    }
}
