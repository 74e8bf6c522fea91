package io.dbsim.engine;

import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.dbsim.observe.PoolTrackers;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a run tells the world while it goes on: every sample of the time series, the progress line's
 * moments, and each interval's latency histograms (of each operation, and of each flow's whole journeys). The
 * engine calls it on its sampling thread, and for the last sample on the thread that ends the run; a listener
 * that does slow work hands it off. A listener that throws is reported and left out, never the end of the run's
 * sampling. {@link #NONE} listens to nothing.
 */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** A point was added to the time series. */
    default void sampled(TimePoint point) {
    }

    /** Time for a progress line (every progress interval); {@code warmingUp} while the warm-up is not over. */
    default void progress(TimePoint point, double elapsedSeconds, boolean warmingUp) {
    }

    /**
     * One operation's (or flow's) successful latencies over one sample interval, in microseconds, when any
     * succeeded. The histogram is reused once the call returns: copy or encode what you keep.
     */
    default void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
    }

    /**
     * The run waits for a shared start time before its users start (dbsim run --start-at), or is already {@code late}
     * for it and starts at once.
     */
    default void waitingToStart(Instant startAt, Duration wait, Duration late) {
    }

    /** The users have stopped: the next sample is the run's last. */
    default void ending() {
    }

    /** Every operation's and flow's figures over one sample interval, called before that interval's {@link #sampled}. */
    default void measured(SampledInterval interval) {
    }

    /**
     * A HikariCP metrics tracker the run's pool should feed beside dbsim's own (HikariCP has one tracker slot);
     * asked once per run, before the pool starts.
     */
    default Optional<MetricsTrackerFactory> poolTracker() {
        return Optional.empty();
    }

    /** Several listeners as one, called in order. */
    static RunListener all(RunListener... listeners) {
        return new RunListener() {
            @Override
            public void sampled(TimePoint point) {
                for (RunListener l : listeners) {
                    l.sampled(point);
                }
            }

            @Override
            public void progress(TimePoint point, double elapsedSeconds, boolean warmingUp) {
                for (RunListener l : listeners) {
                    l.progress(point, elapsedSeconds, warmingUp);
                }
            }

            @Override
            public void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
                for (RunListener l : listeners) {
                    l.interval(operation, startMillis, endMillis, succeeded);
                }
            }

            @Override
            public void waitingToStart(Instant startAt, Duration wait, Duration late) {
                for (RunListener l : listeners) {
                    l.waitingToStart(startAt, wait, late);
                }
            }

            @Override
            public void ending() {
                for (RunListener l : listeners) {
                    l.ending();
                }
            }

            @Override
            public void measured(SampledInterval interval) {
                for (RunListener l : listeners) {
                    l.measured(interval);
                }
            }

            @Override
            public Optional<MetricsTrackerFactory> poolTracker() {
                MetricsTrackerFactory[] trackers = Arrays.stream(listeners).map(RunListener::poolTracker).flatMap(Optional::stream)
                        .toArray(MetricsTrackerFactory[]::new);
                return trackers.length == 0 ? Optional.empty() : Optional.of(PoolTrackers.all(trackers));
            }
        };
    }
}
