package io.dbsim.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.support.CliRun;
import io.dbsim.support.FaultServer;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One dbsim run of 20 users for some seconds (8 unless told) against the fault tests' server, with a fault injected
 * while it runs, and what it left: its exit code, output and JSON report. Samples every 250 ms, so that an outage of a
 * second shows in several of them.
 */
record FaultRun(int seconds, CliRun cli, JsonNode report, Duration took, Instant faultFrom, Instant faultTo) {

    static final int SECONDS = 8;
    /** Users finish the operation in hand for up to 3 s after the end, and the closing look at the server takes a moment. */
    static final Duration LATE_AT_MOST = Duration.ofSeconds(5);

    interface Fault {
        void inject() throws Exception;
    }

    /**
     * @param url   where dbsim connects (the server, or a proxy in front of it)
     * @param after how long after the run's users are at work (five of its connections running statements) the fault is
     *              injected
     * @param extra flags added to the run's
     */
    static FaultRun of(Path dir, String url, int seconds, Duration after, Fault fault, String... extra) throws Exception {
        Path json = dir.resolve("run.json");
        List<String> args = new ArrayList<>(List.of("run", "--jdbc-url", url, "--user", "postgres", "--pattern", "read_heavy",
                "--users", "20", "--duration", seconds + "s", "--think-time", "10ms", "--ramp-up", "0s", "--pool-size", "10",
                "--sample-interval", "250ms", "-P", "60s", "--json", json.toString()));
        args.addAll(List.of(extra));
        AtomicReference<Exception> failed = new AtomicReference<>();
        AtomicReference<Instant> from = new AtomicReference<>();
        AtomicReference<Instant> to = new AtomicReference<>();
        Thread injector = Thread.ofPlatform().start(() -> {
            try {
                if (!FaultServer.get().awaitBusyRun(5, Duration.ofSeconds(30))) {
                    throw new IllegalStateException("the run's users were not at work within 30 s; no fault injected");
                }
                Thread.sleep(after);
                from.set(Instant.now());
                fault.inject();
                to.set(Instant.now());
            } catch (Exception e) {
                failed.set(e);
            }
        });
        long start = System.nanoTime();
        CliRun cli = CliRun.of(args.toArray(String[]::new));
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        if (!injector.join(Duration.ofSeconds(60))) {
            throw new IllegalStateException("the fault was still being injected a minute after the run");
        }
        if (failed.get() != null) {
            throw new IllegalStateException("the fault could not be injected", failed.get());
        }
        return new FaultRun(seconds, cli, read(json), took, from.get(), to.get());
    }

    static FaultRun of(Path dir, String url, Duration after, Fault fault, String... extra) throws Exception {
        return of(dir, url, SECONDS, after, fault, extra);
    }

    static FaultRun of(Path dir, Duration after, Fault fault, String... extra) throws Exception {
        return of(dir, FaultServer.get().database().jdbcUrl(), SECONDS, after, fault, extra);
    }

    private static JsonNode read(Path json) throws IOException {
        return json.toFile().isFile() ? new ObjectMapper().readTree(json.toFile()) : null;
    }

    /** The run ended on time with a complete report, and left no backend on the server. */
    FaultRun endedOnTimeWithCompleteReportAndNoBackendLeft() throws InterruptedException {
        assertThat(report).as(cli.all()).isNotNull();
        assertThat(took).as(cli.all()).isLessThan(Duration.ofSeconds(seconds).plus(LATE_AT_MOST));
        assertThat(report.path("elapsed_s").asDouble()).isBetween(seconds - 0.5, seconds + 4.0);
        assertThat(report.path("summary").path("succeeded").asLong()).isPositive();
        assertThat(report.path("timeseries").size()).isGreaterThanOrEqualTo(seconds * 4 - 2);
        assertThat(report.path("assessment").size()).isPositive();
        assertThat(FaultServer.get().dbsimBackendsLeft()).as("backends of dbsim left on the server").isZero();
        return this;
    }

    /** The database figures of the time series came back after {@code seconds}: the observer sampled the server again. */
    void observerSampledAgainAfter(double seconds) {
        int samples = 0;
        for (JsonNode p : report.path("timeseries")) {
            samples += p.path("t_s").asDouble() > seconds && !p.path("db").isNull() ? 1 : 0;
        }
        assertThat(samples).as("samples with database figures after " + seconds + " s").isGreaterThanOrEqualTo(2);
    }

    /**
     * Successful throughput came back to half the outage's baseline or more, for two samples or more after it ended.
     * Whether it came back within 10% (its recovery time) is Outages' to judge, and tested on exact series: on a shared
     * machine a quarter-second p95 moves by more than that between two calm samples.
     */
    void throughputCameBackAfter(JsonNode outage) {
        double ended = outage.path("ended_at_s").asDouble();
        double half = outage.path("baseline_ops_per_sec").asDouble() / 2;
        int back = 0;
        for (JsonNode p : report.path("timeseries")) {
            back += p.path("t_s").asDouble() > ended && p.path("ops_per_sec").asDouble() >= half ? 1 : 0;
        }
        assertThat(back).as("samples after the outage with half its baseline's throughput: " + outage).isGreaterThanOrEqualTo(2);
    }

    /**
     * The outage the fault made: of the outages found, the one nearest the time the fault was injected. On a loaded
     * machine a run can also stall for a moment on its own, before the fault as well as after it.
     */
    JsonNode outage() {
        JsonNode events = report.path("outages").path("events");
        assertThat(events.size()).as(cli.all()).isGreaterThanOrEqualTo(1);
        Instant runStart = Instant.parse(report.path("started_at").asText());
        double from = seconds(runStart, faultFrom);
        double to = seconds(runStart, faultTo);
        JsonNode nearest = events.get(0);
        double best = Double.MAX_VALUE;
        for (JsonNode e : events) {
            double distance = Math.max(0, Math.max(e.path("started_at_s").asDouble() - to, from - e.path("ended_at_s").asDouble()));
            if (distance < best) {
                best = distance;
                nearest = e;
            }
        }
        return nearest;
    }

    private static double seconds(Instant start, Instant at) {
        return Duration.between(start, at).toNanos() / 1e9;
    }

    JsonNode outages() {
        return report.path("outages");
    }
}
