package io.dbsim.db;

/** What the command line itself said about the database, before the environment and the password file are read. */
public record DatabaseFlags(DatabaseKind kind, String jdbcUrl, String user, String password) {

    @Override
    public String toString() {
        return "DatabaseFlags[kind=" + kind + ", jdbcUrl=" + ConnectionInfo.redact(jdbcUrl) + ", user=" + user + "]";
    }
}
