package io.dbsim.settings;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One merge order for every source of a run's settings, and one validation. */
class SettingsLayerTest {

    private static final SettingsLayer FILE = SettingsLayer.EMPTY.with("users", 150).with("pattern", "read_heavy")
            .with("poolProperties", Map.of("maxLifetime", "600000", "leakDetectionThreshold", "2000"))
            .with("thresholds", List.of(Threshold.parse("p95<500ms")));

    @Test
    void laterLayersWinFieldByFieldMapsMergeAndThresholdsAddUp() {
        SettingsLayer flags = SettingsLayer.EMPTY.with("users", 20).with("poolProperties", Map.of("maxLifetime", "1000"))
                .with("thresholds", List.of(Threshold.parse("error_rate<1%")));
        RunSettings s = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, FILE, flags));

        assertThat(s.users()).isEqualTo(20);
        assertThat(s.pattern()).isEqualTo("read_heavy");
        assertThat(s.poolSize()).isEqualTo(20);
        assertThat(s.poolMinIdle()).isEqualTo(20);
        assertThat(s.poolProperties()).containsExactlyInAnyOrderEntriesOf(Map.of("maxLifetime", "1000", "leakDetectionThreshold", "2000"));
        assertThat(s.thresholds()).extracting(Threshold::expression).containsExactly("p95<500ms", "error_rate<1%");
    }

    @Test
    void aDurationMakesTheRunTimedAndZeroIsRefusedAsPgbenchDoes() {
        RunSettings timed = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY.with("duration", Duration.ofSeconds(10))));
        assertThat(timed.opsPerUser()).isZero();
        assertThat(timed.plannedDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThatThrownBy(() -> SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY.with("duration", Duration.ZERO))))
                .isInstanceOf(UsageException.class).hasMessageContaining("--duration must be longer than 0s");
    }

    @Test
    void aWarmUpAsLongAsTheRunLeavesNothingToMeasure() {
        assertThatThrownBy(() -> SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SettingsLayer.EMPTY
                .with("duration", Duration.ofSeconds(5)).with("warmUp", Duration.ofSeconds(5)))))
                .isInstanceOf(UsageException.class).hasMessageContaining("leaves nothing of a 5s run to measure");
    }

    @Test
    void plainNumbersAreSecondsWherePgbenchTakesSecondsAndNeedAUnitElsewhere() {
        assertThat(Durations.parse("60", "-T", Durations.Bare.SECONDS)).isEqualTo(Duration.ofSeconds(60));
        assertThat(Durations.parse("2.5", "-P", Durations.Bare.SECONDS)).isEqualTo(Duration.ofMillis(2500));
        assertThat(Durations.parse("1m30s", "-T", Durations.Bare.SECONDS)).isEqualTo(Duration.ofSeconds(90));
        assertThatThrownBy(() -> Durations.parse("100", "--think-time")).isInstanceOf(UsageException.class)
                .hasMessageContaining("needs a unit");
    }

    @Test
    void durationsPrintAsWrittenWithoutRoundingErrors() {
        assertThat(Durations.formatMillis(4.0 * 1000 - 1e-10)).isEqualTo("4s");
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofSeconds(70))).isEqualTo("70s");
    }
}
