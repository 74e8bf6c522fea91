package io.dbsim.segment;

import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.TimePoint;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps, for each point of a segment's time series, its wall clock and its operations' interval histograms, compressed at
 * once (a few hundred bytes each, where a histogram in memory takes hundreds of kilobytes). The engine hands over an
 * interval's histograms before the point they belong to, on its one sampling thread.
 */
public final class IntervalHistograms implements RunListener {

    private final List<SegmentPoint> points = new ArrayList<>();
    private Map<String, byte[]> pending = new HashMap<>();

    @Override
    public synchronized void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
        pending.put(operation, HistogramCodec.compress(succeeded));
    }

    @Override
    public synchronized void sampled(TimePoint point) {
        Map<String, byte[]> operations = new HashMap<>();
        for (OperationTick tick : point.operationTicks()) {
            byte[] h = pending.get(tick.operation());
            if (h != null) {
                operations.put(tick.operation(), h);
            }
        }
        points.add(new SegmentPoint(System.currentTimeMillis(), operations));
        pending = new HashMap<>();
    }

    public synchronized List<SegmentPoint> points() {
        return List.copyOf(points);
    }
}
