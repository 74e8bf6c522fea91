package io.dbsim.report.live;

import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import io.dbsim.support.TestSettings;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

class SeriesLabelsTest {

    private static final RunSettings RUN = TestSettings.base().users(16).build();

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
