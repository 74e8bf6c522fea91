package io.dbsim.cli;

import picocli.CommandLine.Option;

import java.time.Duration;

/** The live-metrics flags of run, sweep and ab (a picocli mixin); left out, they are null and the scenario file shows through. */
final class MetricsOptions {

    @Option(names = "--metrics-port", paramLabel = "PORT",
            description = "Serve live metrics in Prometheus' format at http://127.0.0.1:PORT/metrics while dbsim runs, "
                    + "e.g. 9464 (off by default; series in reports/README.md).")
    Integer port;

    @Option(names = "--metrics-bind", paramLabel = "ADDR",
            description = "Address to serve --metrics-port on instead of 127.0.0.1; 0.0.0.0 for every interface "
                    + "(Prometheus in Docker, or on another machine).")
    String bind;

    @Option(names = "--metrics-linger", paramLabel = "TIME", converter = DurationConverter.class,
            description = "After the last run, keep serving until Prometheus has scraped the final values, at most TIME "
                    + "(default 15s, Prometheus' default scrape interval; 0s stops at once).")
    Duration linger;
}
