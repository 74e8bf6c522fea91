package io.dbsim.db;

import io.dbsim.DbsimException;

/**
 * Testcontainers and what only it needs stay out of dbsim.jar, whose manifest names them in container-lib/ beside
 * it: --db container checks they loaded before anything touches them, so a jar copied alone fails in one line.
 */
final class ContainerLibraries {

    private static final String PROBE = "org.testcontainers.DockerClientFactory";

    private ContainerLibraries() {
    }

    static void require(ClassLoader loader) {
        try {
            Class.forName(PROBE, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new DbsimException("--db container needs Testcontainers, which dbsim.jar loads from container-lib/ beside "
                    + "it and did not find: keep that folder next to the jar (./mvnw package writes target/container-lib/), "
                    + "or leave out --db to use the embedded PostgreSQL", e);
        }
    }
}
