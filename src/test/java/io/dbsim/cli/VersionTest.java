package io.dbsim.cli;

import io.dbsim.support.CliRun;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class VersionTest {

    @Test
    void versionNamesTheReleaseTheCommitAndTheBuildTime() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        String commit = Files.exists(Path.of(".git")) ? "[0-9a-f]{7,}(-dirty)?" : "([0-9a-f]{7,}(-dirty)?|unknown)";
        assertThat(run.out().strip())
                .matches("dbsim \\d+\\.\\d+\\.\\d+(-SNAPSHOT)? \\(git " + commit + ", built \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\\)");
    }

    @Test
    void aBuildWithChangesNotCommittedSaysDirty() {
        Properties build = new Properties();
        build.setProperty("version", "1.2.3");
        build.setProperty("commit", "abc1234");
        build.setProperty("dirty", "true");
        build.setProperty("built", "2026-01-02T03:04:05Z");

        assertThat(VersionLine.of(build)).isEqualTo("dbsim 1.2.3 (git abc1234-dirty, built 2026-01-02T03:04:05Z)");
    }
}
