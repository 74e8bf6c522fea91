package io.dbsim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus server (the machine's {@code prometheus} binary, Debian's package) scraping one target every
 * second, on loopback ports, with its data in a folder of the test's; asked through its HTTP query API.
 */
public final class PrometheusServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final String base;

    private PrometheusServer(Process process, String base) {
        this.process = process;
        this.base = base;
    }

    public static Optional<Path> binary() {
        return onPath("prometheus");
    }

    public static Optional<Path> promtool() {
        return onPath("promtool");
    }

    private static Optional<Path> onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, name);
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Starts Prometheus scraping {@code target} (host:port) every second; returns once it scrapes. */
    public static PrometheusServer scraping(Path binary, String target, Path dir) throws IOException, InterruptedException {
        Path config = dir.resolve("prometheus.yml");
        Files.writeString(config, String.join("\n", "global:", "  scrape_interval: 1s", "  scrape_timeout: 1s",
                "scrape_configs:", "  - job_name: dbsim", "    static_configs:", "      - targets: ['" + target + "']", ""));
        int port = FreePort.next();
        Process p = new ProcessBuilder(binary.toString(), "--config.file=" + config, "--storage.tsdb.path=" + dir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port).redirectErrorStream(true)
                .redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        PrometheusServer server = new PrometheusServer(p, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        // Ready is not yet scraping: Prometheus hands discovered targets to its scrape loops every 5 s. Once a
        // scrape was tried (up is 0 while nothing listens), the target is scraped every second.
        while (!server.ready() || server.query("up").isEmpty()) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new IllegalStateException("prometheus did not become ready: " + Files.readString(dir.resolve("prometheus.log")));
            }
            Thread.sleep(100);
        }
        return server;
    }

    private boolean ready() throws InterruptedException {
        try {
            return get("/-/ready").statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The result of an instant query now: its vector's samples. */
    public List<JsonNode> query(String promql) throws IOException, InterruptedException {
        return query(promql, System.currentTimeMillis() / 1000.0);
    }

    /** The result of an instant query at {@code epochSeconds}. */
    public List<JsonNode> query(String promql, double epochSeconds) throws IOException, InterruptedException {
        HttpResponse<String> r = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8) + "&time="
                + String.format(Locale.ROOT, "%.3f", epochSeconds));
        JsonNode root = JSON.readTree(r.body());
        if (!"success".equals(root.path("status").asText())) {
            throw new IllegalStateException(promql + ": " + r.body());
        }
        List<JsonNode> samples = new ArrayList<>();
        root.path("data").path("result").forEach(samples::add);
        return samples;
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
