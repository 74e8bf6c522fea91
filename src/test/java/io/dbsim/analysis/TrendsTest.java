package io.dbsim.analysis;

import io.dbsim.engine.Fairness;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.settings.PoolQueue;
import io.dbsim.settings.RunSettings;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntToDoubleFunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class TrendsTest {

    /** A 10-minute run sampled every second, with noise, whose live heap follows {@code heap}. */
    private static RunResult run(IntToDoubleFunction heap, int backends) {
        Random noise = new Random(7);
        List<TimePoint> series = new ArrayList<>();
        for (int t = 1; t <= 600; t++) {
            DatabasePoint db = new DatabasePoint(backends, 2, 0, 0, Map.of(), 100, 0, 99.9, 0, 0, Map.of(), null);
            series.add(new TimePoint(t, 100, 0, 100, 2, 5 + noise.nextGaussian() * 0.3, 8, 20, 2, 18, 0,
                    new HostLoad.Point(20, 40, 200, heap.applyAsDouble(t) + noise.nextGaussian()), db, List.of(), 0));
        }
        series.add(series.get(series.size() - 1));
        RunSettings config = new RunSettings("mixed", 20, 0, Duration.ofMinutes(10), Duration.ofSeconds(1), Duration.ZERO, List.of(), 0,
                0, Duration.ZERO, 1, 42, 20, 20, Duration.ofSeconds(30), Map.of(), PoolQueue.FAIR, null, Duration.ofSeconds(5),
                Duration.ofSeconds(1), List.of(), null, null, false, null);
        return new RunResult(config, "localhost/test", "17", Map.of(), Instant.now(), Duration.ofMinutes(10), Duration.ofMinutes(10),
                false, List.of(), series, new Histogram(3), new Fairness(0, 0, 0, 0, 1, 0, 0), 0, 20, null, List.of(), List.of(), 0, List.of(), "");
    }

    @Test
    void aLiveHeapThatKeepsGrowingIsFlaggedAsALeak() {
        Trends t = Trends.of(run(s -> 100 + s * 0.1, 20)).orElseThrow();

        assertThat(t.leakSuspected()).isTrue();
        assertThat(t.heap().perHour()).isCloseTo(360, within(20.0));
        assertThat(t.heap().end() - t.heap().start()).isCloseTo(60, within(3.0));
        assertThat(t.latencyDrift()).isFalse();
    }

    @Test
    void aFlatHeapAndSteadyBackendsAreNoLeak() {
        Trends t = Trends.of(run(s -> 100, 20)).orElseThrow();

        assertThat(t.leakSuspected()).isFalse();
        assertThat(Math.abs(t.heap().growthPct())).isLessThan(2);
    }

    @Test
    void aShortRunHasNoTrends() {
        RunResult full = run(s -> 100, 20);
        RunResult shortRun = new RunResult(full.config(), full.database(), full.serverVersion(), Map.of(), full.startedAt(),
                Duration.ofSeconds(30), Duration.ofSeconds(30), false, List.of(), full.timeSeries().subList(0, 30),
                full.wakeUpLateness(), full.fairness(), 0, 20, null, List.of(), List.of(), 0, List.of(), "");

        assertThat(Trends.of(shortRun)).isEmpty();
    }
}
