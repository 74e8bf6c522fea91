package io.dbsim.report.live;

import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import io.prometheus.metrics.model.snapshots.Labels;

/**
 * The labels every series of one dbsim process carries: the run's pattern, and which segment of a run split over
 * several machines this process is, so that a PromQL sum over the segments' series is the whole run's. The segment is
 * counted from 0, as Kubernetes' JOB_COMPLETION_INDEX is: {@code --segment 2/8} is "1/8".
 */
public record SeriesLabels(String pattern, String segment) {

    /** A run that is not split is the one segment of one ("0/1"). */
    public static final String WHOLE_RUN = "0/1";

    /** A run that is not split. */
    public static SeriesLabels of(RunSettings settings) {
        return of(settings, Segment.WHOLE);
    }

    /** The one place the labels' values come from. */
    public static SeriesLabels of(RunSettings settings, Segment segment) {
        return new SeriesLabels(settings.pattern(), (segment.index() - 1) + "/" + segment.count());
    }

    Labels with(String... namesAndValues) {
        return Labels.of("pattern", pattern, "segment", segment).merge(Labels.of(namesAndValues));
    }

    String[] asTags() {
        return new String[] {"pattern", pattern, "segment", segment};
    }
}
