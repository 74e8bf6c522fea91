package io.dbsim.report.live;

import io.dbsim.engine.RunListener;
import io.dbsim.engine.SampledInterval;
import io.dbsim.engine.TimePoint;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * dbsim's own series: added up from each sample interval on the engine's sampling thread, and published once per
 * interval as one immutable set of snapshots. A scrape never sees half an interval and never waits for the
 * engine; the engine never waits for a scrape. Counters run over the whole process (each run of a sweep or an
 * A/B experiment adds to them); gauges show the latest sample.
 */
final class RunSeries implements RunListener, MultiCollector {

    private record Published(long generation, MetricSnapshots snapshots) {
    }

    private final SeriesLabels labels;
    private final RunTotals totals = new RunTotals();
    private volatile Published published;
    /** The newest generation a scrape took; -1 before the first scrape. */
    private final AtomicLong scraped = new AtomicLong(-1);

    RunSeries(SeriesLabels labels) {
        this.labels = labels;
        this.published = new Published(0, RunSnapshots.of(labels, totals));
    }

    @Override
    public synchronized void measured(SampledInterval interval) {
        totals.add(interval);
    }

    @Override
    public synchronized void sampled(TimePoint point) {
        totals.add(point);
        published = new Published(published.generation() + 1, RunSnapshots.of(labels, totals));
    }

    @Override
    public MetricSnapshots collect() {
        Published p = published;
        scraped.accumulateAndGet(p.generation(), Math::max);
        return p.snapshots();
    }

    boolean everScraped() {
        return scraped.get() >= 0;
    }

    /** Waits until a scrape has taken the latest values, at most {@code limit}; whether one did. */
    boolean awaitScrapeOfLatest(Duration limit) throws InterruptedException {
        long latest = published.generation();
        long deadline = System.nanoTime() + limit.toNanos();
        while (scraped.get() < latest) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
        }
        return true;
    }
}
