package io.dbsim.cli;

import io.dbsim.db.ConnectionSettings;
import io.dbsim.db.Database;
import io.dbsim.db.DatabaseFlags;
import io.dbsim.db.DatabaseKind;
import io.dbsim.db.DatabaseRequest;
import io.dbsim.db.Databases;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.util.Map;

/** The options every command shares to say which PostgreSQL to use (a picocli mixin). */
public final class DatabaseOptions {

    @Option(names = "--db", paramLabel = "KIND",
            description = "Where the database is: ${COMPLETION-CANDIDATES}. auto (default) uses --jdbc-url when given, "
                    + "otherwise libpq's PG* variables when any is set, otherwise starts a throwaway embedded PostgreSQL.")
    DatabaseKind kind = DatabaseKind.AUTO;

    @Option(names = "--jdbc-url", paramLabel = "URL",
            description = "An existing server, e.g. jdbc:postgresql://localhost:5432/app (env DBSIM_JDBC_URL; without either, "
                    + "PGHOST, PGPORT, PGDATABASE, PGSSLMODE as libpq reads them).")
    String jdbcUrl;

    @Option(names = {"-U", "--user"}, paramLabel = "NAME",
            description = "Database user (env DBSIM_USER, then PGUSER; default: your login name).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD",
            description = "Database password; prefer env DBSIM_PASSWORD or PGPASSWORD, or ~/.pgpass (PGPASSFILE), "
                    + "which stay out of the process list.")
    String password;

    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    private DatabaseRequest request;

    /** Resolved once per command, so the password file's warning is shown once. */
    public DatabaseRequest request() {
        if (request == null) {
            Map<String, String> env = System.getenv();
            request = ConnectionSettings.resolve(new DatabaseFlags(kind, jdbcUrl, user, password), env,
                    ConnectionSettings.home(env));
            request.warnings().forEach(w -> command.commandLine().getErr().println("dbsim: " + w));
        }
        return request;
    }

    public Database open() {
        return Databases.open(request());
    }
}
