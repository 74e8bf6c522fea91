package io.dbsim.report.live;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.dbsim.engine.RunListener;
import io.dbsim.settings.Durations;
import io.dbsim.settings.MetricsEndpoint;
import io.micrometer.core.instrument.Clock;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Prometheus endpoint of one command: dbsim's own series ({@link RunSeries}), HikariCP's pool series through
 * its Micrometer tracker (fed beside dbsim's own tracker), and the JVM's, on one registry served by the Prometheus
 * client's HTTP server (text format, OpenMetrics or protobuf, as the scraper asks).
 */
final class MetricsServer implements LiveMetrics {

    private final MetricsEndpoint endpoint;
    private final PrintWriter out;
    private final RunSeries series;
    private final HTTPServer server;
    private final ExecutorService exchanges;
    private final PrometheusMeterRegistry meters;
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final RunListener listener;

    private MetricsServer(MetricsEndpoint endpoint, PrintWriter out, RunSeries series, HTTPServer server,
                          ExecutorService exchanges, PrometheusRegistry registry, SeriesLabels labels) {
        this.endpoint = endpoint;
        this.out = out;
        this.series = series;
        this.server = server;
        this.exchanges = exchanges;
        this.meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT, registry, Clock.SYSTEM);
        // Two of Micrometer's processor series break Prometheus' naming rules (promtool check metrics refuses them):
        // the CPU count is a gauge named _count, the CPU time counter is in "ns"; process_cpu_usage says enough.
        meters.config().commonTags(labels.asTags()).meterFilter(MeterFilter.deny(
                id -> id.getName().equals("system.cpu.count") || id.getName().equals("process.cpu.time")));
        new ProcessorMetrics().bindTo(meters);
        new JvmMemoryMetrics().bindTo(meters);
        new JvmThreadMetrics().bindTo(meters);
        gc.bindTo(meters);
        MetricsTrackerFactory hikari = new MicrometerMetricsTrackerFactory(meters);
        this.listener = RunListener.all(series, new RunListener() {
            @Override
            public Optional<MetricsTrackerFactory> poolTracker() {
                return Optional.of(hikari);
            }
        });
    }

    static MetricsServer start(MetricsEndpoint endpoint, SeriesLabels labels, PrintWriter out) {
        PrometheusRegistry registry = new PrometheusRegistry();
        RunSeries series = new RunSeries(labels);
        registry.register(series);
        InetAddress address = ListenAddress.resolve(endpoint);
        // Our own pool, so that closing can let the scrape in flight finish: HTTPServer's own close cuts it off.
        // A few scrapes at once; more wait on the accepting thread, as the library's own pool makes them wait.
        ExecutorService exchanges = new ThreadPoolExecutor(1, 4, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                Thread.ofPlatform().daemon().name("dbsim-metrics-", 1).factory(), new ThreadPoolExecutor.CallerRunsPolicy());
        HTTPServer server;
        try {
            server = HTTPServer.builder().inetAddress(address).port(endpoint.port()).registry(registry).executorService(exchanges)
                    .buildAndStart();
        } catch (IOException e) {
            exchanges.shutdown();
            throw ListenAddress.refusal(endpoint, e);
        }
        out.println("live metrics: " + endpoint.url() + " (Prometheus format)");
        return new MetricsServer(endpoint, out, series, server, exchanges, registry, labels);
    }

    @Override
    public RunListener listener() {
        return listener;
    }

    @Override
    public void close() {
        try {
            if (series.everScraped() && !endpoint.linger().isZero()) {
                String linger = Durations.format(endpoint.linger());
                out.println("live metrics: waiting up to " + linger + " for a scrape of the final values");
                out.flush();
                if (!series.awaitScrapeOfLatest(endpoint.linger())) {
                    out.println("live metrics: the final values were not scraped within " + linger + " (--metrics-linger)");
                }
            }
            exchanges.shutdown();
            exchanges.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            server.close();
            gc.close();
            meters.close();
        }
    }
}
