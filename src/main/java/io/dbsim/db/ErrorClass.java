package io.dbsim.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What went wrong with an operation, in the classes a DBA acts on differently. */
public enum ErrorClass {
    POOL_TIMEOUT("pool_timeout"),
    CONNECTION_LOST("connection_lost"),
    /** The pool could not open a connection: the server was down, refusing (too many clients) or unreachable. */
    CONNECTION_REFUSED("connection_refused"),
    DEADLOCK("deadlock"),
    SERIALIZATION_FAILURE("serialization_failure"),
    UNIQUE_VIOLATION("unique_violation"),
    STATEMENT_TIMEOUT("statement_timeout"),
    OTHER("other");

    private final String label;

    ErrorClass(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Deadlocks and serialization failures succeed when tried again, as pgbench --max-tries assumes. */
    public boolean retryable() {
        return this == DEADLOCK || this == SERIALIZATION_FAILURE;
    }

    /** What an application's retry policy for connection loss retries: the connection broke, or none could be made. */
    public boolean connectionLoss() {
        return this == CONNECTION_LOST || this == CONNECTION_REFUSED;
    }

    public static ErrorClass of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoolTimeoutException) {
                return POOL_TIMEOUT;
            }
            // HikariCP's timeout carries the last failure to open a connection, and only while opening them fails.
            if (t instanceof SQLTransientConnectionException) {
                return t.getCause() == null ? POOL_TIMEOUT : CONNECTION_REFUSED;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                switch (state) {
                    case "40P01":
                        return DEADLOCK;
                    case "40001":
                        return SERIALIZATION_FAILURE;
                    case "23505":
                        return UNIQUE_VIOLATION;
                    case "57014":
                        return STATEMENT_TIMEOUT;
                    default:
                        if (state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")) {
                            return CONNECTION_LOST;
                        }
                }
            }
        }
        return OTHER;
    }
}
