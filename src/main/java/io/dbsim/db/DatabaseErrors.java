package io.dbsim.db;

import io.dbsim.DbsimException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.sql.SQLException;

/** Turns what the driver throws into one line that says what is wrong and what to do. */
public final class DatabaseErrors {

    private DatabaseErrors() {
    }

    public static DbsimException explain(Throwable error, ConnectionInfo info) {
        String where = info.hostAndDatabase();
        SQLException sql = find(error, SQLException.class);
        if (find(error, UnknownHostException.class) != null) {
            return new DbsimException("unknown host in --jdbc-url (" + where + "): check the host name", error);
        }
        if (find(error, ConnectException.class) != null) {
            return new DbsimException("cannot connect to " + where
                    + ": is PostgreSQL running there and accepting TCP connections? Check --jdbc-url", error);
        }
        String state = sql == null || sql.getSQLState() == null ? "" : sql.getSQLState();
        if (sql != null && sql.getMessage() != null && sql.getMessage().contains("no password was provided")) {
            return new DbsimException("the server at " + where + " asks user '" + info.user() + "' for a password and none was "
                    + "given (settings from " + info.source() + "): give --password, DBSIM_PASSWORD or PGPASSWORD, "
                    + "or a line in ~/.pgpass (mode 0600)", error);
        }
        return switch (state) {
            case "28P01", "28000" -> new DbsimException("authentication failed for user '" + info.user() + "' at " + where
                    + " (settings from " + info.source() + ")"
                    + ": check --user and --password (or DBSIM_USER, DBSIM_PASSWORD / PGPASSWORD, ~/.pgpass)", error);
            case "3D000" -> new DbsimException("database does not exist at " + where
                    + ": create it (createdb) or fix the database name in --jdbc-url", error);
            case "08001", "08004", "08006" -> new DbsimException("cannot connect to " + where + ": "
                    + ConnectionInfo.redact(sql.getMessage()) + "; check --jdbc-url and that the server is up", error);
            case "53300" -> new DbsimException("the server at " + where
                    + " has no free connection slots (max_connections reached): lower the pool size or raise max_connections", error);
            default -> new DbsimException("database error at " + where + ": "
                    + ConnectionInfo.redact(firstLine(sql == null ? error.getMessage() : sql.getMessage()))
                    + (state.isEmpty() ? "" : " (SQLSTATE " + state + ")"), error);
        };
    }

    static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    public static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        message = message.strip();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
