package io.dbsim.db;

import java.util.List;

/**
 * What the user asked for on the command line, in the environment and in the password file, before anything is
 * started. {@code source} names where the connection settings came from (e.g. "PGHOST, PGDATABASE, ~/.pgpass"),
 * never what they hold; {@code warnings} are lines to show the user once (libpq's password file warnings).
 */
public record DatabaseRequest(DatabaseKind kind, String jdbcUrl, String user, String password, String applicationName,
                              String source, List<String> warnings) {

    public DatabaseRequest {
        warnings = List.copyOf(warnings);
    }

    public DatabaseKind resolvedKind() {
        return kind.given(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseRequest[kind=" + kind + ", jdbcUrl=" + ConnectionInfo.redact(jdbcUrl) + ", user=" + user
                + ", source=" + source + "]";
    }
}
