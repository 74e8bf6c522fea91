package io.dbsim.report.live;

import io.dbsim.engine.RunListener;
import io.dbsim.settings.MetricsEndpoint;

import java.io.PrintWriter;

/**
 * Live metrics for the life of one command: served in Prometheus' format while its runs go on when the settings
 * name an endpoint, nothing at all otherwise (the engine then pays nothing for them).
 */
public sealed interface LiveMetrics extends AutoCloseable permits LiveMetrics.Off, MetricsServer {

    /**
     * Starts serving at {@code endpoint}, or nothing when it is null; an address or port that cannot be listened on
     * is a usage error, raised before any database work.
     */
    static LiveMetrics serve(MetricsEndpoint endpoint, SeriesLabels labels, PrintWriter out) {
        return endpoint == null ? new Off() : MetricsServer.start(endpoint, labels, out);
    }

    /** What each run of the command reports to. */
    RunListener listener();

    /** After the last run: lets Prometheus take the final values (within the endpoint's linger), then stops serving. */
    @Override
    void close();

    /** No endpoint given. */
    record Off() implements LiveMetrics {

        @Override
        public RunListener listener() {
            return RunListener.NONE;
        }

        @Override
        public void close() {
        }
    }
}
