package io.dbsim.db;

/** How the user chose the server: --db on the command line. */
public enum DatabaseKind {
    /** --jdbc-url when given (or DBSIM_JDBC_URL), otherwise the embedded server. */
    AUTO,
    EMBEDDED,
    CONTAINER,
    URL
}
