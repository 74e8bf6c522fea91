package io.dbsim.report.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.CliRun;
import io.dbsim.support.Exposition;
import io.dbsim.support.FreePort;
import io.dbsim.support.PrometheusServer;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real run on a real PostgreSQL, scraped ten times a second while it goes on, as an impatient Prometheus
 * would: every scrape must be a consistent exposition, and the last one must hold the report's counts.
 */
class LiveMetricsRunTest {

    @TempDir
    static Path dir;

    private static ConnectionInfo db;
    private static CliRun run;
    private static JsonNode report;
    private static final List<Exposition> scrapes = new ArrayList<>();

    /** Runs the command while scraping its endpoint until it ends; keeps every scrape that answered. */
    static CliRun runScraping(List<Exposition> into, String... args) throws Exception {
        int port = FreePort.next();
        String url = "http://127.0.0.1:" + port + "/metrics";
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--jdbc-url", db.jdbcUrl(), "--user", db.user(), "--metrics-port", Integer.toString(port),
                "--metrics-linger", "10s"));
        CompletableFuture<CliRun> command = CompletableFuture.supplyAsync(() -> CliRun.of(all.toArray(String[]::new)));
        while (!command.isDone()) {
            try {
                into.add(Exposition.scrape(url));
            } catch (IOException notServing) {
                // Before the server started or after it stopped.
            }
            Thread.sleep(100);
        }
        return command.get(1, TimeUnit.MINUTES);
    }

    @BeforeAll
    static void runAJourneyPatternForFiveSeconds() throws Exception {
        db = SeededDatabase.create("live_metrics");
        Path json = dir.resolve("run.json");
        run = runScraping(scrapes, "run", "--pattern", "business_flow", "--users", "6", "--think-time", "0s", "--ramp-up", "0s",
                "--duration", "5s", "--warm-up", "1s", "--pool-size", "3", "--json", json.toString());
        assertThat(run.exitCode()).as(run.all()).isZero();
        report = new ObjectMapper().readTree(json.toFile());
    }

    private static Exposition last() {
        return scrapes.get(scrapes.size() - 1);
    }

    @Test
    void theCountersScrapedAtTheEndEqualTheReportsCounts() {
        assertThat(run.out()).contains("live metrics: http://127.0.0.1:").contains("waiting up to 10s for a scrape of the final values")
                .doesNotContain("were not scraped");
        Exposition end = last();
        assertThat(report.path("operations").size()).isEqualTo(5);
        for (JsonNode op : report.path("operations")) {
            String name = op.path("name").asText();
            Map<String, Double> expected = new HashMap<>();
            expected.put("success", op.path("succeeded").asDouble());
            op.path("errors").properties().forEach(e -> expected.put(e.getKey(), e.getValue().asDouble()));
            expected.values().removeIf(v -> v == 0);
            expected.putIfAbsent("success", 0.0);
            assertThat(end.byLabel("dbsim_operations_total", "outcome", l -> name.equals(l.get("operation")))).as(name)
                    .containsExactlyInAnyOrderEntriesOf(expected);
            assertThat(end.byLabel("dbsim_operation_retries_total", "operation", l -> true)).containsEntry(name, op.path("retries").asDouble());
            for (String histogram : List.of("dbsim_operation_duration_seconds", "dbsim_operation_pool_wait_seconds",
                    "dbsim_operation_database_seconds")) {
                assertThat(end.byLabel(histogram + "_count", "operation", l -> true)).as(histogram)
                        .containsEntry(name, op.path("succeeded").asDouble());
            }
            double meanSeconds = end.byLabel("dbsim_operation_duration_seconds_sum", "operation", l -> true).get(name)
                    / op.path("succeeded").asDouble();
            assertThat(meanSeconds * 1000).as(name + " mean").isCloseTo(op.path("latency_ms").path("mean").asDouble(),
                    org.assertj.core.api.Assertions.within(0.002));
        }
        JsonNode flow = report.path("flows").path(0);
        assertThat(end.byLabel("dbsim_flows_total", "outcome", l -> true).get("success")).isEqualTo(flow.path("succeeded").asDouble());
        assertThat(end.byLabel("dbsim_dropped_iterations_total", "segment", l -> true)).containsEntry("0/1",
                report.path("dropped_arrivals").asDouble());
        assertThat(end.named("dbsim_operations_total")).allSatisfy(s -> assertThat(s.labels())
                .containsEntry("pattern", "business_flow").containsEntry("segment", "0/1"));
    }

    @Test
    void everyScrapeUnderLoadIsConsistentAndCountersNeverGoDown() {
        assertThat(scrapes.size()).as("scrapes while the run went on").isGreaterThan(30);
        Map<String, Double> previous = new HashMap<>();
        for (Exposition e : scrapes) {
            for (Exposition.Sample s : e.samples()) {
                String series = s.name() + s.labels();
                if (s.name().startsWith("dbsim_") && (s.name().endsWith("_total") || s.name().endsWith("_count")
                        || s.name().endsWith("_bucket"))) {
                    assertThat(s.value()).as(series).isGreaterThanOrEqualTo(previous.getOrDefault(series, 0.0));
                    previous.put(series, s.value());
                }
            }
            for (Series h : Series.values()) {
                if (h.kind != Series.Kind.HISTOGRAM) {
                    continue;
                }
                Map<Map<String, String>, Double> counts = new HashMap<>();
                e.named(h.name + "_count").forEach(c -> counts.put(c.labels(), c.value()));
                counts.forEach((labels, count) -> {
                    Map<Double, Double> buckets = e.buckets(h.name, l -> withoutLe(l).equals(labels));
                    assertThat(buckets).as(h.name + labels).hasSize(LatencyBuckets.BOUNDS_SECONDS.length);
                    assertThat(new ArrayList<>(buckets.values())).as(h.name + labels).isSorted();
                    assertThat(buckets.get(Double.POSITIVE_INFINITY)).as(h.name + labels).isEqualTo(count);
                });
            }
        }
    }

    private static Map<String, String> withoutLe(Map<String, String> labels) {
        Map<String, String> out = new java.util.TreeMap<>(labels);
        out.remove("le");
        return out;
    }

    @Test
    void promtoolAcceptsAScrapeTakenUnderLoad() throws Exception {
        Path promtool = PrometheusServer.promtool().orElse(null);
        Assumptions.assumeTrue(promtool != null, "promtool (Debian's prometheus package) is not installed");
        Exposition midRun = scrapes.stream().filter(e -> e.names().contains("dbsim_database_busy_backends")
                && e.names().contains("dbsim_flow_duration_seconds_bucket")).findFirst().orElseThrow();
        Path file = Files.writeString(dir.resolve("scrape.txt"), midRun.text());
        Process p = new ProcessBuilder(promtool.toString(), "check", "metrics").redirectInput(file.toFile())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
    }

    @Test
    void hikaricpsOwnPoolSeriesAndTheDatabasesAreExposedBesideDbsims() {
        Exposition midRun = scrapes.get(scrapes.size() / 2);
        assertThat(midRun.byLabel("hikaricp_connections_max", "pool", l -> true)).containsEntry("dbsim", 3.0);
        assertThat(midRun.byLabel("hikaricp_connections_acquire_seconds_count", "pool", l -> true).get("dbsim")).isPositive();
        assertThat(midRun.named("hikaricp_connections_active")).allSatisfy(s -> assertThat(s.labels()).containsEntry("segment", "0/1"));
        assertThat(midRun.byLabel("dbsim_vus", "segment", l -> true)).containsEntry("0/1", 6.0);
        assertThat(midRun.byLabel("dbsim_database_commits_total", "segment", l -> true).get("0/1")).isPositive();
        assertThat(midRun.byLabel("dbsim_database_cache_hit_ratio", "segment", l -> true).get("0/1")).isBetween(0.5, 1.0);
    }

    @Test
    void theDashboardsQueriesNameOnlySeriesTheRunExposes() throws Exception {
        java.util.Set<String> exposed = new java.util.TreeSet<>();
        scrapes.forEach(e -> exposed.addAll(e.names()));
        assertThat(Dashboard.read().seriesNames()).isNotEmpty().allSatisfy(n -> assertThat(exposed).as(n).contains(n));
    }

    @Test
    void anOpenModelRunCountsItsDroppedArrivals() throws Exception {
        List<Exposition> open = new ArrayList<>();
        Path json = dir.resolve("open.json");
        CliRun r = runScraping(open, "run", "--pattern", "pk_lookup", "--rate", "2000/s", "--max-users", "1", "--duration", "2s",
                "--pool-size", "1", "--json", json.toString());
        assertThat(r.exitCode()).as(r.all()).isZero();
        JsonNode rep = new ObjectMapper().readTree(json.toFile());
        double dropped = rep.path("dropped_arrivals").asDouble();
        assertThat(dropped).isPositive();
        Exposition end = open.get(open.size() - 1);
        assertThat(end.byLabel("dbsim_dropped_iterations_total", "segment", l -> true)).containsEntry("0/1", dropped);
        assertThat(end.byLabel("dbsim_operations_total", "operation", l -> true)).containsEntry("pk_lookup",
                rep.path("summary").path("operations").asDouble());
    }
}
