package io.dbsim.report.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.support.PrometheusServer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker-compose.yml and deploy/: files no Docker engine here runs, read as Compose, Prometheus and Grafana read them. */
class DeployFilesTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode yaml(String path) throws Exception {
        return YAML.readTree(Path.of(path).toFile());
    }

    /** A service's bind mounts, container path by host path. */
    private static Map<String, String> mounts(JsonNode service) {
        Map<String, String> out = new java.util.LinkedHashMap<>();
        service.path("volumes").forEach(v -> {
            String[] parts = v.asText().split(":");
            out.put(parts[1], parts[0]);
        });
        return out;
    }

    @Test
    void composeRunsPostgresPrometheusAndGrafanaOnFilesThatExist() throws Exception {
        JsonNode services = yaml("docker-compose.yml").path("services");
        assertThat(services.fieldNames()).toIterable().contains("postgres", "prometheus", "grafana");

        for (String name : List.of("prometheus", "grafana")) {
            assertThat(services.path(name).path("image").asText()).as(name).matches("[a-z/]+:v?\\d+\\.\\d+\\.\\d+");
            mounts(services.path(name)).values().forEach(host -> assertThat(Path.of(host)).as(name + " mounts " + host).exists());
        }
        assertThat(mounts(services.path("prometheus"))).containsEntry("/etc/prometheus/prometheus.yml", "./deploy/prometheus/prometheus.yml");
        assertThat(services.path("prometheus").path("extra_hosts").toString()).contains("host.docker.internal:host-gateway");
        assertThat(mounts(services.path("grafana"))).containsEntry("/etc/grafana/provisioning", "./deploy/grafana/provisioning")
                .containsEntry("/var/lib/grafana/dashboards", "./deploy/grafana/dashboards");
        assertThat(services.path("grafana").path("environment").path("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH").asText())
                .isEqualTo("/var/lib/grafana/dashboards/" + Dashboard.FILE.getFileName());
    }

    @Test
    void prometheusScrapesDbsimOnTheHostAtThePortTheReadmeGives() throws Exception {
        JsonNode config = yaml("deploy/prometheus/prometheus.yml");
        JsonNode job = config.path("scrape_configs").path(0);
        assertThat(job.path("job_name").asText()).isEqualTo("dbsim");
        assertThat(job.path("static_configs").path(0).path("targets").path(0).asText()).isEqualTo("host.docker.internal:9464");
        assertThat(Files.readString(Path.of("README.md"))).contains("--metrics-port 9464 --metrics-bind 0.0.0.0");
    }

    @Test
    void promtoolAcceptsThePrometheusConfig() throws Exception {
        Path promtool = PrometheusServer.promtool().orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool (Debian's prometheus package) is not installed");
        Process p = new ProcessBuilder(promtool.toString(), "check", "config", "deploy/prometheus/prometheus.yml")
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void grafanaIsProvisionedWithThatPrometheusAndTheDashboardFolder() throws Exception {
        JsonNode source = yaml("deploy/grafana/provisioning/datasources/prometheus.yml").path("datasources").path(0);
        assertThat(source.path("type").asText()).isEqualTo("prometheus");
        assertThat(source.path("url").asText()).isEqualTo("http://prometheus:9090");
        JsonNode provider = yaml("deploy/grafana/provisioning/dashboards/dbsim.yml").path("providers").path(0);
        assertThat(provider.path("type").asText()).isEqualTo("file");
        assertThat(provider.path("options").path("path").asText()).isEqualTo("/var/lib/grafana/dashboards");

        Dashboard dashboard = Dashboard.read();
        String uid = source.path("uid").asText();
        assertThat(dashboard.panels()).hasSizeGreaterThanOrEqualTo(10).allSatisfy(p -> {
            assertThat(p.path("datasource").path("uid").asText()).as(p.path("title").asText()).isEqualTo(uid);
            assertThat(p.path("targets").size()).as(p.path("title").asText()).isPositive();
        });
        dashboard.root().path("templating").path("list")
                .forEach(v -> assertThat(v.path("datasource").path("uid").asText()).isEqualTo(uid));
    }

    @Test
    void theDashboardShowsThroughputLatencyPercentilesThePoolAndTheDatabase() throws Exception {
        Dashboard dashboard = Dashboard.read();
        assertThat(dashboard.queries()).anyMatch(q -> q.contains("rate(dbsim_operations_total"))
                .anyMatch(q -> q.startsWith("histogram_quantile(0.95, sum by (le, operation) (rate(dbsim_operation_duration_seconds_bucket"))
                .anyMatch(q -> q.contains("dbsim_pool_connections")).anyMatch(q -> q.contains("hikaricp_connections_acquire_seconds"))
                .anyMatch(q -> q.contains("dbsim_database_commits_total")).anyMatch(q -> q.contains("dbsim_database_busy_backends"));

        Set<String> ours = new TreeSet<>();
        for (Series s : Series.values()) {
            ours.add(s.exposedName());
            if (s.kind == Series.Kind.HISTOGRAM) {
                ours.addAll(List.of(s.name + "_bucket", s.name + "_sum", s.name + "_count"));
            }
        }
        List<String> unknown = new ArrayList<>(dashboard.seriesNames().stream().filter(n -> n.startsWith("dbsim_"))
                .filter(n -> !ours.contains(n)).toList());
        assertThat(unknown).as("dbsim series the dashboard names but dbsim does not have").isEmpty();
    }

    @Test
    void everySeriesIsDocumentedInTheReportsReadme() throws Exception {
        String readme = Files.readString(Path.of("reports/README.md"));
        assertThat(Arrays.stream(Series.values()).map(Series::exposedName).filter(n -> !readme.contains("`" + n))).isEmpty();
        assertThat(readme).contains("hikaricp_connections_acquire_seconds").contains("--metrics-port");
    }
}
