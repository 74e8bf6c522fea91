package io.dbsim.db;

/** What the user asked for on the command line and in the environment, before anything is started. */
public record DatabaseRequest(DatabaseKind kind, String jdbcUrl, String user, String password) {

    public DatabaseKind resolvedKind() {
        if (kind != DatabaseKind.AUTO) {
            return kind;
        }
        return jdbcUrl == null || jdbcUrl.isBlank() ? DatabaseKind.EMBEDDED : DatabaseKind.URL;
    }
}
