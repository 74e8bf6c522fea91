package io.dbsim.workload.script;

import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Whether a script left a transaction open on its connection (libpq's PQtransactionStatus), and closing it. */
final class Transactions {

    private Transactions() {
    }

    static boolean inTransaction(Connection connection) throws SQLException {
        return inTransaction(connection.unwrap(BaseConnection.class));
    }

    static boolean inTransaction(BaseConnection connection) {
        return connection.getTransactionState() != TransactionState.IDLE;
    }

    static void rollback(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("ROLLBACK");
        }
    }
}
