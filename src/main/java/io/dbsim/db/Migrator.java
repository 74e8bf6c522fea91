package io.dbsim.db;

import io.dbsim.DbsimException;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies the Flyway migrations from schema/ (shipped inside the jar) and any extra folders the user names; or, for a
 * database of the user's own ({@link #ofOwnSchema}), only the folders named.
 */
public final class Migrator {

    public static final String SCHEMA_LOCATION = "classpath:schema";
    /** Flyway's own history table, where dbsim's member schema records its migrations. */
    public static final String DBSIM_SCHEMA_HISTORY = "flyway_schema_history";
    /**
     * Where migrations dbsim applies to a database of the user's own are recorded: never in the application's own
     * flyway_schema_history, which dbsim's candidates must not mix with.
     */
    public static final String OWN_SCHEMA_HISTORY = "dbsim_schema_history";

    private final ConnectionInfo connection;
    private final boolean dbsimSchema;

    public Migrator(ConnectionInfo connection) {
        this(connection, true);
    }

    private Migrator(ConnectionInfo connection, boolean dbsimSchema) {
        this.connection = connection;
        this.dbsimSchema = dbsimSchema;
    }

    /**
     * Migrations on a database that is not dbsim's member schema: only the folders given, recorded in
     * {@link #OWN_SCHEMA_HISTORY}; a schema that already holds tables counts as version 0, so the folders' migrations
     * apply on top of it.
     */
    public static Migrator ofOwnSchema(ConnectionInfo connection) {
        return new Migrator(connection, false);
    }

    /** The table this migrator records applied migrations in. */
    public String historyTable() {
        return dbsimSchema ? DBSIM_SCHEMA_HISTORY : OWN_SCHEMA_HISTORY;
    }

    public record Outcome(String version, int applied) {
    }

    public Outcome migrate(List<String> extraFolders) {
        List<String> locations = new ArrayList<>();
        if (dbsimSchema) {
            locations.add(SCHEMA_LOCATION);
        } else if (extraFolders.isEmpty()) {
            return new Outcome(null, 0);
        }
        extraFolders.forEach(folder -> locations.add("filesystem:" + folder));
        try {
            FluentConfiguration flyway = Flyway.configure()
                    .dataSource(connection.jdbcUrl(), connection.user(), connection.password())
                    .locations(locations.toArray(String[]::new))
                    .table(historyTable())
                    .loggers("slf4j");
            if (!dbsimSchema) {
                // Folders applied at different times (a setup, then candidates) know only their own migrations.
                flyway.baselineOnMigrate(true).baselineVersion("0").ignoreMigrationPatterns("*:future", "*:missing");
            }
            MigrateResult result = flyway.load().migrate();
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
