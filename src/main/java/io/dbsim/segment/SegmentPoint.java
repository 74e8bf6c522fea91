package io.dbsim.segment;

import java.util.Map;

/**
 * What a segment's time series point needs beside the engine's own for an exact merge: when it was taken by the wall
 * clock, and its interval's latency histograms per operation (successes, compressed as {@link HistogramCodec} does).
 *
 * @param epochMs    when the interval ended, in milliseconds since the epoch
 * @param histograms per operation that succeeded in the interval
 */
public record SegmentPoint(long epochMs, Map<String, byte[]> histograms) {

    public SegmentPoint {
        histograms = Map.copyOf(histograms);
    }
}
