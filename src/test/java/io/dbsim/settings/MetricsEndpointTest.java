package io.dbsim.settings;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** --metrics-port, --metrics-bind and --metrics-linger (metrics_port, metrics_bind, metrics_linger in a scenario file). */
class MetricsEndpointTest {

    private static RunSettings resolve(SettingsLayer... layers) {
        List<SettingsLayer> all = new java.util.ArrayList<>(List.of(SettingsLayer.DEFAULTS));
        all.addAll(List.of(layers));
        return SettingsLayer.resolve(all);
    }

    @Test
    void nothingIsServedUnlessAPortIsGivenAndThenOnlyOnLoopback() {
        assertThat(resolve().metrics()).isNull();

        MetricsEndpoint e = resolve(SettingsLayer.EMPTY.with("metricsPort", 9464)).metrics();
        assertThat(e.bind()).isEqualTo("127.0.0.1");
        assertThat(e.port()).isEqualTo(9464);
        assertThat(e.linger()).isEqualTo(Duration.ofSeconds(15));
        assertThat(e.url()).isEqualTo("http://127.0.0.1:9464/metrics");
        assertThat(resolve(SettingsLayer.EMPTY.with("metricsPort", 9464).with("metricsBind", "[::1]")).metrics().url())
                .isEqualTo("http://[::1]:9464/metrics");
    }

    @Test
    void aScenarioFileSetsThePortAndFlagsAddTheAddress(@TempDir Path dir) throws Exception {
        Path scenario = dir.resolve("live.yaml");
        Files.writeString(scenario, "users: 5\nmetrics_port: 9500\nmetrics_linger: 3s\n");
        RunSettings s = resolve(ScenarioFile.load(scenario), SettingsLayer.EMPTY.with("metricsBind", "0.0.0.0"));

        assertThat(s.metrics()).isEqualTo(new MetricsEndpoint("0.0.0.0", 9500, Duration.ofSeconds(3)));
        assertThat(s.step(2, 2, Duration.ofSeconds(5), Duration.ZERO).metrics()).isEqualTo(s.metrics());
    }

    @Test
    void badPortsAndAddressesAreOneLineUsageErrors() {
        assertThatThrownBy(() -> resolve(SettingsLayer.EMPTY.with("metricsPort", 70000))).isInstanceOf(UsageException.class)
                .hasMessage("--metrics-port must be a TCP port from 1 to 65535, got 70000 (e.g. 9464)");
        assertThatThrownBy(() -> resolve(SettingsLayer.EMPTY.with("metricsPort", 9464).with("metricsBind", "300.1.2.3")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--metrics-bind '300.1.2.3' is not an address");
        assertThatThrownBy(() -> resolve(SettingsLayer.EMPTY.with("metricsPort", 9464).with("metricsBind", "my host")))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--metrics-bind 'my host' is not an address");
        assertThatThrownBy(() -> resolve(SettingsLayer.EMPTY.with("metricsBind", "0.0.0.0"))).isInstanceOf(UsageException.class)
                .hasMessageContaining("serves nothing without --metrics-port");
    }
}
