package io.dbsim.report.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.FreePort;
import io.dbsim.support.PrometheusServer;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** A real Prometheus scraping a real run every second, asked through its query API as Grafana asks it. */
class PrometheusServerTest {

    private static final String COUNTS = "sum by (operation) (max_over_time(dbsim_operations_total[10m]))";

    @Test
    void prometheusHasTheReportsCountsItsP95BucketAndAnswersEveryDashboardPanel(@TempDir Path dir) throws Exception {
        Path binary = PrometheusServer.binary().orElse(null);
        Assumptions.assumeTrue(binary != null, "prometheus (Debian's prometheus package) is not installed");
        ConnectionInfo db = SeededDatabase.create("prometheus_scrape");
        int port = FreePort.next();
        Path json = dir.resolve("run.json");
        try (PrometheusServer prometheus = PrometheusServer.scraping(binary, "127.0.0.1:" + port, dir)) {
            CliRun run = CliRun.of("run", "--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--pattern", "business_flow", "--users",
                    "4", "--think-time", "0s", "--ramp-up", "0s", "--duration", "6s", "--pool-size", "2", "--metrics-port",
                    Integer.toString(port), "--metrics-linger", "10s", "--json", json.toString());
            double runEnded = System.currentTimeMillis() / 1000.0;
            assertThat(run.exitCode()).as(run.all()).isZero();
            assertThat(run.out()).doesNotContain("were not scraped");
            JsonNode report = new ObjectMapper().readTree(json.toFile());

            Map<String, Double> expected = new TreeMap<>();
            report.path("operations").forEach(op -> expected.put(op.path("name").asText(), op.path("count").asDouble()));
            assertThat(eventually(prometheus, expected)).isEqualTo(expected);

            JsonNode busiest = report.path("operations").path(0);
            for (JsonNode op : report.path("operations")) {
                if (op.path("succeeded").asLong() > busiest.path("succeeded").asLong()) {
                    busiest = op;
                }
            }
            double p95 = busiest.path("latency_ms").path("p95").asDouble() / 1000;
            double quantile = prometheus.query("histogram_quantile(0.95, sum by (le) (max_over_time("
                    + "dbsim_operation_duration_seconds_bucket{operation=\"" + busiest.path("name").asText() + "\"}[10m])))")
                    .get(0).path("value").path(1).asDouble();
            double[] bucket = bucketOf(p95);
            assertThat(quantile).as("p95 %s s in the report, bucket (%s, %s]", p95, bucket[0], bucket[1])
                    .isGreaterThan(bucket[0]).isLessThanOrEqualTo(bucket[1]);

            double duringTheRun = runEnded - 3;
            List<String> silent = new ArrayList<>();
            for (JsonNode panel : Dashboard.read().panels()) {
                boolean drew = false;
                for (JsonNode target : panel.path("targets")) {
                    drew |= !prometheus.query(Dashboard.asSent(target.path("expr").asText()), duringTheRun).isEmpty();
                }
                if (!drew) {
                    silent.add(panel.path("title").asText());
                }
            }
            assertThat(silent).as("dashboard panels whose queries returned nothing during the run").isEmpty();
        }
    }

    /** Prometheus' answer once it has stored the final scrape (it may take a moment), or its last answer. */
    private static Map<String, Double> eventually(PrometheusServer prometheus, Map<String, Double> expected) throws Exception {
        Map<String, Double> answer = new LinkedHashMap<>();
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            answer = new TreeMap<>();
            for (JsonNode sample : prometheus.query(COUNTS)) {
                answer.put(sample.path("metric").path("operation").asText(), sample.path("value").path(1).asDouble());
            }
            if (answer.equals(expected)) {
                break;
            }
            Thread.sleep(200);
        }
        return answer;
    }

    /** The classic bucket (lower, upper] that holds {@code seconds}. */
    private static double[] bucketOf(double seconds) {
        double lower = 0;
        for (double upper : LatencyBuckets.BOUNDS_SECONDS) {
            if (seconds <= upper) {
                return new double[] {lower, upper};
            }
            lower = upper;
        }
        throw new AssertionError("no bucket holds " + seconds);
    }
}
