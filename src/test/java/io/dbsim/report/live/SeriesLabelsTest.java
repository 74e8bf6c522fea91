package io.dbsim.report.live;

import io.dbsim.settings.ThreadModel;
import io.dbsim.settings.PoolQueue;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SeriesLabelsTest {

    private static final RunSettings RUN = new RunSettings("read_heavy", 16, 0, Duration.ofMinutes(1), Duration.ZERO, Duration.ZERO,
            List.of(), 0, 0, Duration.ZERO, 1, 42, 8, 8, Duration.ofSeconds(30), Map.of(), PoolQueue.FAIR, null,
            Duration.ofSeconds(5), Duration.ofSeconds(1), List.of(), 0, null, null, false, null,
                ThreadModel.AUTO);

    @Test
    void aSegmentIsLabelledCountedFromZeroAsKubernetesIndexesItsPods() {
        assertThat(SeriesLabels.of(RUN, Segment.parse("2/8"))).isEqualTo(new SeriesLabels("read_heavy", "1/8"));
        assertThat(SeriesLabels.of(RUN, Segment.zeroBased(7, 8)).segment()).isEqualTo("7/8");
    }

    @Test
    void aRunNotSplitIsTheOneSegmentOfOne() {
        assertThat(SeriesLabels.of(RUN).segment()).isEqualTo(SeriesLabels.WHOLE_RUN).isEqualTo("0/1");
        assertThat(SeriesLabels.of(RUN, Segment.WHOLE)).isEqualTo(SeriesLabels.of(RUN));
    }
}
