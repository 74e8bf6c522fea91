package io.dbsim.segment;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.observe.Micros;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;
import java.util.function.ToLongFunction;

/**
 * The segments' time series as one, by wall clock. A segment samples on a fixed schedule from its start (a late sample
 * is followed by one on time), so its i-th point belongs to the i-th sample interval after its start; segments that
 * started together share their intervals, and one that started late by k intervals fills from the k-th on. In each
 * interval the counts and users add up, the percentiles come from the sum of the operations' interval histograms, the
 * simulator's own figures are the busiest segment's, and the database's are the observing segment's; a merged point
 * is dated by the latest of its samples.
 */
final class TimelineMerge {

    private TimelineMerge() {
    }

    /** One segment's point in one interval, with how long its interval lasted. */
    private record Part(TimePoint point, SegmentPoint extra, long millis, boolean observes) {
    }

    static List<TimePoint> of(List<SegmentRecord> segments, long startMillis, long intervalMillis) {
        TreeMap<Long, List<Part>> buckets = new TreeMap<>();
        Set<String> operations = new LinkedHashSet<>();
        for (SegmentRecord s : segments) {
            long from = s.run().startedAt().toEpochMilli();
            long offset = Math.floorDiv(from - startMillis + intervalMillis / 2, intervalMillis);
            for (int i = 0; i < s.timeline().size(); i++) {
                TimePoint point = s.run().timeSeries().get(i);
                SegmentPoint extra = s.timeline().get(i);
                point.operationTicks().forEach(t -> operations.add(t.operation()));
                buckets.computeIfAbsent(offset + i, b -> new ArrayList<>())
                        .add(new Part(point, extra, Math.max(1, extra.epochMs() - from), s.observes()));
                from = extra.epochMs();
            }
        }
        return buckets.values().stream().map(parts -> point(parts, List.copyOf(operations), startMillis)).toList();
    }

    private static long[] byClass(List<long[]> parts) {
        return parts == null ? new long[ErrorClass.values().length] : RunMerge.added(parts);
    }

    private static TimePoint point(List<Part> parts, List<String> operations, long startMillis) {
        Histogram all = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        Map<String, Histogram> byOperation = new HashMap<>();
        Map<String, Long> failed = new HashMap<>();
        Map<String, List<long[]>> failedByClass = new HashMap<>();
        Map<String, List<long[]>> retriedByClass = new HashMap<>();
        Map<String, Double> waitMicros = new HashMap<>();
        long endMillis = 0;
        DatabasePoint database = null;
        for (Part part : parts) {
            endMillis = Math.max(endMillis, part.extra().epochMs());
            if (part.observes() && part.point().database() != null) {
                database = part.point().database();
            }
            part.extra().histograms().forEach((op, bytes) -> {
                Histogram h = HistogramCodec.decompress(bytes);
                all.add(h);
                byOperation.computeIfAbsent(op, o -> new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS)).add(h);
            });
            for (OperationTick tick : part.point().operationTicks()) {
                failed.merge(tick.operation(), tick.failed(), Long::sum);
                if (tick.failedByClass() != null) {
                    failedByClass.computeIfAbsent(tick.operation(), o -> new ArrayList<>()).add(tick.failedByClass());
                }
                if (tick.retriedByClass() != null) {
                    retriedByClass.computeIfAbsent(tick.operation(), o -> new ArrayList<>()).add(tick.retriedByClass());
                }
                waitMicros.merge(tick.operation(), tick.poolWaitMeanMs() * 1000.0 * tick.succeeded(), Double::sum);
            }
        }
        List<OperationTick> ticks = new ArrayList<>();
        for (String op : operations) {
            Histogram h = byOperation.get(op);
            long succeeded = h == null ? 0 : h.getTotalCount();
            ticks.add(new OperationTick(op, succeeded, failed.getOrDefault(op, 0L), succeeded == 0 ? 0 : h.getMean() / 1000.0,
                    ms(h, 50), ms(h, 95), ms(h, 99), succeeded == 0 ? 0 : waitMicros.getOrDefault(op, 0.0) / succeeded / 1000.0,
                    byClass(failedByClass.get(op)), byClass(retriedByClass.get(op))));
        }
        List<TimePoint> points = parts.stream().map(Part::point).toList();
        HostLoad.Point host = new HostLoad.Point(max(points, p -> p.host().simulatorCpuPct()), max(points, p -> p.host().hostCpuPct()),
                max(points, p -> p.host().heapUsedMb()), max(points, p -> p.host().heapAfterGcMb()));
        return new TimePoint((endMillis - startMillis) / 1000.0, sum(points, TimePoint::operations), sum(points, TimePoint::errors),
                parts.stream().mapToDouble(p -> p.point().operations() / (p.millis() / 1000.0)).sum(), ms(all, 50), ms(all, 95),
                ms(all, 99), (int) sum(points, TimePoint::users), (int) sum(points, TimePoint::poolBusy),
                (int) sum(points, TimePoint::poolIdle), (int) sum(points, TimePoint::poolWaiting), host, database, List.copyOf(ticks),
                points.stream().mapToDouble(TimePoint::warmUpOpsPerSecond).sum());
    }

    private static long sum(List<TimePoint> points, ToLongFunction<TimePoint> value) {
        return points.stream().mapToLong(value).sum();
    }

    private static double max(List<TimePoint> points, ToDoubleFunction<TimePoint> value) {
        return points.stream().mapToDouble(value).max().orElse(0);
    }

    private static double ms(Histogram h, double percentile) {
        return h == null || h.getTotalCount() == 0 ? 0 : h.getValueAtPercentile(percentile) / 1000.0;
    }
}
