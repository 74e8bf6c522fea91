package io.dbsim.db;

/**
 * A PostgreSQL server dbsim works against, whoever started it. Closing it stops and removes
 * the servers dbsim started itself and leaves an existing server alone.
 */
public sealed interface Database extends AutoCloseable permits ExistingDatabase, EmbeddedDatabase, ContainerDatabase {

    ConnectionInfo connection();

    /** One line for the console: what kind of server and where, never a password. */
    String description();

    @Override
    void close();
}
