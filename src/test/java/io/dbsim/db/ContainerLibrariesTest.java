package io.dbsim.db;

import io.dbsim.DbsimException;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerLibrariesTest {

    @Test
    void aJarWithoutContainerLibSaysInOneLineWhereTheyGo() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> ContainerLibraries.require(bare))
                    .isInstanceOf(DbsimException.class)
                    .hasMessageContaining("--db container needs Testcontainers")
                    .hasMessageContaining("container-lib/")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void aClasspathWithTestcontainersPasses() {
        assertThatCode(() -> ContainerLibraries.require(ContainerLibrariesTest.class.getClassLoader()))
                .doesNotThrowAnyException();
    }
}
