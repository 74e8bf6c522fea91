package io.dbsim.workload.script;

import org.postgresql.core.BaseConnection;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One script's prepared statements on each physical connection, made the first time a command runs on that connection
 * and kept while the connection lives, as a pgbench client keeps its prepared statements. Preparing a JDBC statement
 * for every execution and closing it after cost about a twentieth of a pgbench script's client CPU when profiled
 * (HikariCP's statement proxy and tracking, pgjdbc's statement object and its return to the driver's query cache);
 * the server-side statement is pgjdbc's either way. Statements are made on the driver's own connection, not through
 * the pool's proxy, so that giving the connection back does not close them.
 * <p>
 * A connection is used by one user at a time, so its statements are too: the pool's hand-off orders one user's use
 * before the next one's. Thread-safe otherwise.
 */
final class PreparedStatements {

    private final int steps;
    private final Map<BaseConnection, PreparedStatement[]> byConnection = new ConcurrentHashMap<>();

    /** @param steps the script's step count: statements are kept by step */
    PreparedStatements(int steps) {
        this.steps = steps;
    }

    /** The statement for {@code step} on {@code connection}, prepared now if this connection has not run it. */
    PreparedStatement of(BaseConnection connection, int step, String sql) throws SQLException {
        PreparedStatement[] statements = byConnection.get(connection);
        if (statements == null) {
            forgetClosedConnections();
            statements = new PreparedStatement[steps];
            byConnection.put(connection, statements);
        }
        PreparedStatement statement = statements[step];
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements[step] = statement;
        }
        return statement;
    }

    /** A connection the pool closed (retired or broken) never comes back; its statements went with it. */
    private void forgetClosedConnections() throws SQLException {
        for (BaseConnection known : byConnection.keySet()) {
            if (known.isClosed()) {
                byConnection.remove(known);
            }
        }
    }
}
