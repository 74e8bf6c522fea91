package io.dbsim.db;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/** What went wrong with an operation, in the classes a DBA acts on differently. */
public enum ErrorClass {
    POOL_TIMEOUT("pool_timeout"),
    CONNECTION_LOST("connection_lost"),
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

    public static ErrorClass of(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoolTimeoutException || t instanceof SQLTransientConnectionException) {
                return POOL_TIMEOUT;
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
