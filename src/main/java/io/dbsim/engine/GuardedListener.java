package io.dbsim.engine;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A listener that cannot break the run: the first exception it throws is logged and the listener is left out from
 * then on, so a failing output never stops the sampling the report depends on.
 */
final class GuardedListener implements RunListener {

    private static final System.Logger LOG = System.getLogger("io.dbsim.engine");

    private final RunListener delegate;
    private volatile boolean failed;

    GuardedListener(RunListener delegate) {
        this.delegate = delegate;
    }

    @Override
    public void sampled(TimePoint point) {
        call(() -> delegate.sampled(point));
    }

    @Override
    public void progress(TimePoint point, double elapsedSeconds, boolean warmingUp) {
        call(() -> delegate.progress(point, elapsedSeconds, warmingUp));
    }

    @Override
    public void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
        call(() -> delegate.interval(operation, startMillis, endMillis, succeeded));
    }

    @Override
    public void waitingToStart(Instant startAt, Duration wait, Duration late) {
        call(() -> delegate.waitingToStart(startAt, wait, late));
    }

    @Override
    public void ending() {
        call(delegate::ending);
    }

    @Override
    public void measured(SampledInterval interval) {
        call(() -> delegate.measured(interval));
    }

    @Override
    public Optional<MetricsTrackerFactory> poolTracker() {
        if (failed) {
            return Optional.empty();
        }
        try {
            return delegate.poolTracker();
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "a run listener failed and is left out for the rest of the run", e);
            return Optional.empty();
        }
    }

    private void call(Runnable r) {
        if (failed) {
            return;
        }
        try {
            r.run();
        } catch (RuntimeException e) {
            failed = true;
            LOG.log(System.Logger.Level.WARNING, "a run listener failed and is left out for the rest of the run", e);
        }
    }
}
