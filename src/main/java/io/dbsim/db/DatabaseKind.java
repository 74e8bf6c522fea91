package io.dbsim.db;

/** How the user chose the server: --db on the command line. */
public enum DatabaseKind {
    /** --jdbc-url when given (or DBSIM_JDBC_URL, or libpq's PG* variables), otherwise the embedded server. */
    AUTO,
    EMBEDDED,
    CONTAINER,
    URL;

    /** The kind this choice comes to once it is known whether there is a URL. */
    public DatabaseKind given(String jdbcUrl) {
        if (this != AUTO) {
            return this;
        }
        return jdbcUrl == null || jdbcUrl.isBlank() ? EMBEDDED : URL;
    }
}
