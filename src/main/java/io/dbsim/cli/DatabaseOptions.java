package io.dbsim.cli;

import io.dbsim.db.Database;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.DatabaseRequest;
import io.dbsim.db.Databases;
import picocli.CommandLine.Option;

/** The options every command shares to say which PostgreSQL to use (a picocli mixin). */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "KIND",
            description = "Where the database is: ${COMPLETION-CANDIDATES}. auto (default) uses --jdbc-url when given, "
                    + "otherwise starts a throwaway embedded PostgreSQL.")
    DatabaseKind kind = DatabaseKind.AUTO;

    @Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:DBSIM_JDBC_URL}",
            description = "An existing server, e.g. jdbc:postgresql://localhost:5432/app (env DBSIM_JDBC_URL).")
    String jdbcUrl;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME", defaultValue = "${env:DBSIM_USER}",
            description = "Database user (env DBSIM_USER; default: your login name).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password; prefer env DBSIM_PASSWORD or PGPASSWORD, which stay out of the process list.")
    String password;

    public DatabaseRequest request() {
        String pw = password;
        if (pw == null) {
            pw = System.getenv("DBSIM_PASSWORD");
        }
        if (pw == null) {
            pw = System.getenv("PGPASSWORD");
        }
        return new DatabaseRequest(kind, jdbcUrl, user, pw);
    }

    public Database open() {
        return Databases.open(request());
    }
}
