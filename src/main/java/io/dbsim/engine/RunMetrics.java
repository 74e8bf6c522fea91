package io.dbsim.engine;

import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.observe.Micros;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/** All measurements of one run: per operation, users' wake-up lateness, arrivals dropped, and the time series. */
public final class RunMetrics {

    private final OperationMetrics[] operations;
    private final int operationCount;
    private final Recorder lateness = new Recorder(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private final Histogram latenessSoFar = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
    private Histogram latenessInterval;
    private final LongAdder dropped = new LongAdder();
    private long droppedSampled;
    private final List<TimePoint> series = new ArrayList<>();
    private final RunListener listener;
    private final FirstErrors firstErrors = new FirstErrors();
    private long lastSampleNanos;

    /**
     * @param names           metric slots: the operations first, then whole-flow slots, which the
     *                        per-interval series leaves out (a journey is not one more operation)
     * @param operationCount  how many of the slots are operations
     * @param listener        told of each interval's histograms
     */
    public RunMetrics(List<String> names, int operationCount, long startNanos, RunListener listener) {
        int stripes = LatencyRecorder.stripesFor(names.size(), Runtime.getRuntime().maxMemory());
        this.operations = names.stream().map(n -> new OperationMetrics(n, stripes)).toArray(OperationMetrics[]::new);
        this.operationCount = operationCount;
        this.listener = listener;
        this.lastSampleNanos = startNanos;
    }

    public OperationMetrics operation(int index) {
        return operations[index];
    }

    public FirstErrors firstErrors() {
        return firstErrors;
    }

    /** How late a user woke up after its think time, against its schedule. */
    public void lateness(long micros) {
        lateness.recordValue(Micros.clamp(micros));
    }

    /** An open-model arrival that found --max-users operations in flight and was not started. */
    public void dropArrival() {
        dropped.increment();
    }

    /** Arrivals dropped as of the last sample, as the run's other totals are. */
    public synchronized long droppedArrivals() {
        return droppedSampled;
    }

    /** Seconds since the previous sample. */
    public synchronized double secondsSinceLastSample(long nowNanos) {
        return Math.max(1e-9, (nowNanos - lastSampleNanos) / 1e9);
    }

    /** Closes the current interval: adds it to the totals and to the time series. */
    public synchronized TimePoint sample(long nowNanos, double elapsedSeconds, int users, int busy, int idle, int waiting,
                                         HostLoad.Point host, DatabasePoint database) {
        Histogram merged = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        long errors = 0;
        long warmUp = 0;
        long endMillis = System.currentTimeMillis();
        long startMillis = endMillis - (nowNanos - lastSampleNanos) / 1_000_000;
        List<OperationTick> ticks = new ArrayList<>(operationCount);
        Map<String, OperationMetrics.Interval> byOperation = new LinkedHashMap<>();
        Map<String, OperationMetrics.Interval> byFlow = new LinkedHashMap<>();
        for (int i = 0; i < operations.length; i++) {
            OperationMetrics op = operations[i];
            OperationMetrics.Interval interval = op.sample();
            if (i < operationCount) {
                warmUp += op.takeWarmUp();
                ticks.add(OperationTick.of(op.name(), interval));
                OperationMetrics.addRecorded(merged, interval.succeeded());
                errors += interval.failed();
                byOperation.put(op.name(), interval);
            } else {
                byFlow.put(op.name(), interval);
            }
            if (interval.succeeded().getTotalCount() > 0) {
                listener.interval(op.name(), startMillis, endMillis, interval.succeeded());
            }
        }
        latenessInterval = lateness.getIntervalHistogram(latenessInterval);
        latenessSoFar.add(latenessInterval);
        long droppedNow = dropped.sum();
        listener.measured(new SampledInterval(byOperation, byFlow, latenessInterval, droppedNow - droppedSampled));
        droppedSampled = droppedNow;
        double seconds = Math.max(1e-9, (nowNanos - lastSampleNanos) / 1e9);
        lastSampleNanos = nowNanos;
        long ops = merged.getTotalCount() + errors;
        TimePoint point = new TimePoint(elapsedSeconds, ops, errors, ops / seconds,
                merged.getValueAtPercentile(50) / 1000.0, merged.getValueAtPercentile(95) / 1000.0,
                merged.getValueAtPercentile(99) / 1000.0, users, busy, idle, waiting, host, database, List.copyOf(ticks), warmUp / seconds);
        series.add(point);
        return point;
    }

    public synchronized List<TimePoint> series() {
        return List.copyOf(series);
    }

    public synchronized Histogram lateness() {
        return latenessSoFar.copy();
    }

    public List<OperationMetrics.Summary> summaries() {
        List<OperationMetrics.Summary> all = new ArrayList<>();
        for (OperationMetrics op : operations) {
            all.add(op.summary());
        }
        return all;
    }
}
