package io.dbsim.db;

import io.dbsim.DbsimException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Applies the Flyway migrations from schema/ (shipped inside the jar) and any extra folders the user names. */
public final class Migrator {

    public static final String SCHEMA_LOCATION = "classpath:schema";

    private final ConnectionInfo connection;

    public Migrator(ConnectionInfo connection) {
        this.connection = connection;
    }

    public record Outcome(String version, int applied) {
    }

    public Outcome migrate(List<String> extraFolders) {
        List<String> locations = new ArrayList<>();
        locations.add(SCHEMA_LOCATION);
        extraFolders.forEach(folder -> locations.add("filesystem:" + folder));
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(connection.jdbcUrl(), connection.user(), connection.password())
                    .locations(locations.toArray(String[]::new))
                    .loggers("slf4j")
                    .load()
                    .migrate();
            return new Outcome(result.targetSchemaVersion == null ? result.initialSchemaVersion : result.targetSchemaVersion,
                    result.migrationsExecuted);
        } catch (FlywayException e) {
            SQLException sql = DatabaseErrors.find(e, SQLException.class);
            if (sql != null && sql.getSQLState() != null && sql.getSQLState().matches("08...|28...|3D000")) {
                throw DatabaseErrors.explain(e, connection);
            }
            throw new DbsimException("migration failed: " + ConnectionInfo.redact(DatabaseErrors.firstLine(e.getMessage())), e);
        }
    }
}
