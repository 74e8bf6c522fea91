package io.dbsim.analysis;

import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.Micros;
import io.dbsim.settings.Threshold;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * k6's abortOnFail: the run's thresholds that ask for it, evaluated on what was measured so far at every sample once
 * their delayAbortEval is over; the first to fail stops the run (the report says which), and the verdict at the end
 * is NO-GO. Response times are those of successful operations, as at the end of the run.
 */
public final class LiveThresholds implements RunListener {

    private final List<Threshold> watched;
    private final double measuredFromS;
    private final Map<String, Histogram> latencies = new HashMap<>();
    private final Map<String, long[]> counts = new HashMap<>();
    private final long[] allCounts = new long[2];
    private Runnable onFailure = () -> { };
    private volatile String failed;
    private volatile boolean over;

    /** @param measuredFrom where the measured part of the run starts (its warm-up) */
    public LiveThresholds(List<Threshold> thresholds, Duration measuredFrom) {
        this.watched = thresholds.stream().filter(Threshold::abortOnFail).toList();
        this.measuredFromS = measuredFrom.toNanos() / 1e9;
    }

    public boolean watching() {
        return !watched.isEmpty();
    }

    /** What to do when a watched threshold fails: stop the run. */
    public void whenFailed(Runnable stop) {
        this.onFailure = stop;
    }

    /** The threshold that stopped the run and when, as the report says it; empty when none did. */
    public Optional<String> stoppedBy() {
        return Optional.ofNullable(failed);
    }

    @Override
    public synchronized void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
        latencies.computeIfAbsent(operation, o -> new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS)).add(succeeded);
    }

    /** The last sample, taken when the users have stopped, ends what can still stop the run. */
    @Override
    public void ending() {
        over = true;
    }

    @Override
    public synchronized void sampled(TimePoint point) {
        for (OperationTick t : point.operationTicks()) {
            long[] c = counts.computeIfAbsent(t.operation(), o -> new long[2]);
            c[0] += t.succeeded() + t.failed();
            c[1] += t.failed();
            allCounts[0] += t.succeeded() + t.failed();
            allCounts[1] += t.failed();
        }
        if (failed != null || over || watched.isEmpty()) {
            return;
        }
        double measured = point.elapsedSeconds() - measuredFromS;
        for (Threshold t : watched) {
            // As k6's delayAbortEval, counted from the start of the test.
            if (point.elapsedSeconds() < t.delayAbortEval().toNanos() / 1e9 || measured <= 0) {
                continue;
            }
            double value = value(t, measured, point);
            if (!Double.isNaN(value) && !t.passes(value)) {
                failed = String.format(java.util.Locale.ROOT, "%s failed at %.0f s (measured %s; abortOnFail)", t.expression(),
                        point.elapsedSeconds(), t.format(value));
                onFailure.run();
                return;
            }
        }
    }

    private double value(Threshold t, double measuredSeconds, TimePoint point) {
        long[] c = t.operation() == null ? allCounts : counts.getOrDefault(t.operation(), new long[2]);
        return switch (t.stat()) {
            case "error_rate" -> c[0] == 0 ? Double.NaN : 100.0 * c[1] / c[0];
            case "throughput" -> c[0] / measuredSeconds;
            default -> {
                Histogram h = t.operation() == null ? operations(point) : latencies.get(t.operation());
                yield h == null ? Double.NaN : Verdict.latency(h, t.stat());
            }
        };
    }

    /** The operations' latencies together, as the verdict at the end counts them: flows' whole journeys left out. */
    private Histogram operations(TimePoint point) {
        Histogram all = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        for (OperationTick t : point.operationTicks()) {
            Histogram h = latencies.get(t.operation());
            if (h != null) {
                all.add(h);
            }
        }
        return all;
    }
}
