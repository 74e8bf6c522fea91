package io.dbsim.settings;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --retry-connection-loss: off unless asked for, from a flag or a scenario file, and bounded. */
class RetrySettingsTest {

    @Test
    void connectionLossIsNotRetriedUnlessAskedFor() {
        assertThat(SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS)).retryConnectionLoss()).isZero();
        assertThat(SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY.with("retryConnectionLoss", 3)))
                .retryConnectionLoss()).isEqualTo(3);
    }

    @Test
    void aScenarioFileSetsTheRetriesAndTheFlagWinsOverIt(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("failover.yaml");
        Files.writeString(file, "users: 5\nretry:\n  connection_loss: 2\n");
        SettingsLayer scenario = ScenarioFile.load(file);

        assertThat(SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, scenario)).retryConnectionLoss()).isEqualTo(2);
        assertThat(SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, scenario, SettingsLayer.EMPTY.with("retryConnectionLoss", 5)))
                .retryConnectionLoss()).isEqualTo(5);
    }

    @Test
    void aNegativeOrHugeNumberOfRetriesIsAUsageError() {
        for (int n : new int[] {-1, 101}) {
            assertThatThrownBy(() -> SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY.with("retryConnectionLoss", n))))
                    .isInstanceOf(UsageException.class).hasMessageContaining("--retry-connection-loss").hasMessageContaining("0 (the default) to 100");
        }
    }

    @Test
    void theShorterSettingsOfSweepStepsAndWarmingRunsKeepTheRetries() {
        RunSettings s = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY.with("retryConnectionLoss", 4)));

        assertThat(s.withPattern("mixed").retryConnectionLoss()).isEqualTo(4);
        assertThat(s.steadyFor(java.time.Duration.ofSeconds(5)).retryConnectionLoss()).isEqualTo(4);
        assertThat(s.step(2, 2, java.time.Duration.ofSeconds(5), java.time.Duration.ZERO).retryConnectionLoss()).isEqualTo(4);
    }
}
