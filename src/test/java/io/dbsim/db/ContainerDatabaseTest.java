package io.dbsim.db;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ContainerDatabaseTest {

    @Test
    void containerDatabaseMigratesWhenDockerIsPresent() {
        assumeTrue(ContainerDatabase.dockerAvailable(), "no Docker engine on this machine");
        try (Database db = Databases.open(new DatabaseRequest(DatabaseKind.CONTAINER, null, null, null, "dbsim", "", java.util.List.of()))) {
            assertThat(new Migrator(db.connection()).migrate(List.of()).version()).isEqualTo("1");
        }
    }
}
