package io.dbsim.engine;

import org.HdrHistogram.Histogram;

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

    /** The users have stopped: the next sample is the run's last. */
    default void ending() {
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
            public void ending() {
                for (RunListener l : listeners) {
                    l.ending();
                }
            }
        };
    }
}
