package io.dbsim.db;

import io.dbsim.DbsimException;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL in a Testcontainers-managed Docker container, removed when closed. */
public final class ContainerDatabase implements Database {

    static final String IMAGE = "postgres:17";

    private final PostgreSQLContainer container;
    private final ConnectionInfo connection;

    private ContainerDatabase(PostgreSQLContainer container) {
        this.container = container;
        this.connection = new ConnectionInfo(container.getJdbcUrl(), container.getUsername(), container.getPassword());
    }

    public static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    public static ContainerDatabase start() {
        if (!dockerAvailable()) {
            throw new DbsimException("--db container needs a running Docker engine and found none: start Docker, "
                    + "or leave out --db to use the embedded PostgreSQL");
        }
        PostgreSQLContainer container = new PostgreSQLContainer(IMAGE)
                .withDatabaseName("dbsim")
                .withCommand("postgres", "-c", "shared_preload_libraries=pg_stat_statements",
                        "-c", "pg_stat_statements.track=all", "-c", "max_connections=500");
        try {
            container.start();
        } catch (RuntimeException e) {
            container.close();
            throw new DbsimException("could not start the " + IMAGE + " container: " + e.getMessage(), e);
        }
        return new ContainerDatabase(container);
    }

    @Override
    public ConnectionInfo connection() {
        return connection;
    }

    @Override
    public String description() {
        return "PostgreSQL container " + IMAGE + " at " + connection.hostAndDatabase() + " (removed at exit)";
    }

    @Override
    public void close() {
        container.close();
    }
}
