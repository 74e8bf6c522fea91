package io.dbsim.db;

/** A server the user runs and names with --jdbc-url. */
public record ExistingDatabase(ConnectionInfo connection) implements Database {

    @Override
    public String description() {
        return "PostgreSQL at " + connection.hostAndDatabase() + " as " + connection.user()
                + (connection.source().isEmpty() ? "" : " (settings from " + connection.source() + ")");
    }

    @Override
    public void close() {
        // The server belongs to the user: nothing of it is dbsim's to stop.
    }
}
