package io.dbsim.analysis;

import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.support.SeededDatabase;
import io.dbsim.support.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class SweepStepsTest {

    @Test
    void aStepsThroughputVariationIsItsWholeMeasuredSamplesSpreadScaledToOneSecondSamples() {
        ConnectionInfo db = SeededDatabase.create("sweep_step_cv");
        RunResult run = BottlenecksTest.run(db, TestSettings.base().pattern("read_heavy").users(4).poolSize(4).poolMinIdle(4)
                .duration(Duration.ofMillis(3500)).warmUp(Duration.ofMillis(500)).progressInterval(Duration.ofSeconds(60))
                .sampleInterval(Duration.ofMillis(250)).build());

        SweepStep step = SweepSteps.from(run);

        // The samples after the warm-up but its first (operations begun before it ended) and the closing one.
        List<TimePoint> all = run.timeSeries();
        List<Double> whole = all.subList(0, all.size() - 1).stream().filter(p -> p.elapsedSeconds() > 0.5).skip(1)
                .map(TimePoint::opsPerSecond).toList();
        assertThat(whole).hasSizeGreaterThanOrEqualTo(8);
        double mean = whole.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double sd = Math.sqrt(whole.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum() / (whole.size() - 1));
        assertThat(mean).isPositive();
        // Quarter-second samples vary twice as much as one-second ones would if their noise were independent.
        assertThat(step.throughputCvPct()).isPositive().isCloseTo(100 * sd / mean * 0.5, within(0.05 * 100 * sd / mean));
    }
}
