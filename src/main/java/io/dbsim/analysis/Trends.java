package io.dbsim.analysis;

import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.StatementTick;
import org.hipparchus.stat.regression.SimpleRegression;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Over a long run, where the heap after GC, the run's backends and the p95 are heading: a least-squares
 * line per series over the measured part. A leak is flagged when the live heap (or the backends)
 * grows along a line that is statistically significant (p < 0.01) and by a size that matters.
 * A drifting latency is also split into where the time went: a slower database and a slower simulator call for
 * opposite actions, and the p95 alone cannot tell them apart.
 *
 * @param heap          heap after GC, MB
 * @param backends      the run's connections on the server
 * @param p95           per-sample p95, ms
 * @param mean          per-sample mean latency of the succeeded operations, ms
 * @param databaseMs    per-sample execution time on the server (pg_stat_statements) per measured operation, ms
 * @param poolWait      per-sample mean wait for a connection, ms
 * @param driftCause    when the latency drifts, the parts of the mean's rise each side accounts for
 */
public record Trends(double measuredSeconds, Line heap, Line backends, Line p95, Line mean, Line databaseMs, Line poolWait,
                     boolean leakSuspected, boolean latencyDrift, Optional<DriftCause> driftCause) {

    /** Runs shorter than this show noise, not trends. */
    static final double MIN_SECONDS = 60;
    static final double SIGNIFICANCE = 0.01;

    /**
     * A fitted line: its value at the start and end of the measured part, growth per hour, its p-value (NaN for a
     * constant series) and the samples it was fitted to (none when the series was not measured).
     */
    public record Line(double start, double end, double perHour, double pValue, int samples) {

        static final Line NOT_MEASURED = new Line(0, 0, 0, Double.NaN, 0);

        public boolean measured() {
            return samples > 0;
        }

        public double growthPct() {
            return start == 0 ? 0 : 100 * (end - start) / Math.abs(start);
        }

        boolean significant() {
            return !Double.isNaN(pValue) && pValue < SIGNIFICANCE;
        }
    }

    /**
     * Of the mean latency's rise over the measured part ({@code meanRiseMs}), the shares the server's execution time
     * and the pool wait rose by; the rest is the simulator's own time and the network's. A share is NaN when its
     * series was not measured (no pg_stat_statements).
     */
    public record DriftCause(double meanRiseMs, double databaseShare, double poolShare) {

        public double restShare() {
            return Math.max(0, 1 - (Double.isNaN(databaseShare) ? 0 : databaseShare) - poolShare);
        }

        /** The side that accounts for most of the rise: database, pool or simulator (the rest). */
        public String dominant() {
            double database = Double.isNaN(databaseShare) ? -1 : databaseShare;
            if (database >= poolShare && database >= restShare()) {
                return "database";
            }
            return poolShare >= restShare() ? "pool" : Double.isNaN(databaseShare) ? "unknown" : "simulator";
        }

        /**
         * Shares from the lines' slopes, not their end points: the lines are fitted to different samples (an interval
         * without statement figures still has a mean), so only their rates compare. A part that fell counts as none,
         * and parts that together rose faster than the mean are scaled down to it.
         */
        static Optional<DriftCause> of(Line mean, Line databaseMs, Line poolWait) {
            double rise = mean.end() - mean.start();
            if (!mean.measured() || rise <= 0 || mean.perHour() <= 0) {
                return Optional.empty();
            }
            double database = databaseMs.measured() ? Math.max(0, databaseMs.perHour() / mean.perHour()) : Double.NaN;
            double pool = poolWait.measured() ? Math.max(0, poolWait.perHour() / mean.perHour()) : 0;
            double both = (Double.isNaN(database) ? 0 : database) + pool;
            if (both > 1) {
                database /= both;
                pool /= both;
            }
            return Optional.of(new DriftCause(rise, database, pool));
        }
    }

    /** Steady closed runs only: under stages or an arrival rate, a changing load would read as a trend. */
    public static Optional<Trends> of(RunResult run) {
        if (run.config().staged() || run.config().openModel()) {
            return Optional.empty();
        }
        double warmUp = Math.max(run.config().warmUp().toNanos(), run.config().rampUp().toNanos()) / 1e9;
        List<TimePoint> all = run.timeSeries();
        List<TimePoint> points = (all.size() > 1 ? all.subList(0, all.size() - 1) : all).stream()
                .filter(p -> p.elapsedSeconds() > warmUp).toList();
        if (points.size() < 10 || points.get(points.size() - 1).elapsedSeconds() - points.get(0).elapsedSeconds() < MIN_SECONDS) {
            return Optional.empty();
        }
        // Before the first collection there is no after-GC figure (it reads 0): left out, not a step up.
        Line heap = line(points.stream().filter(p -> p.host().heapAfterGcMb() > 0).toList(), p -> p.host().heapAfterGcMb());
        Line backends = line(points.stream().filter(p -> p.database() != null).toList(), p -> p.database().backends());
        Line p95 = line(points.stream().filter(p -> p.operations() > 0).toList(), TimePoint::p95Ms);
        List<TimePoint> served = points.stream().filter(p -> succeeded(p) > 0).toList();
        Line mean = line(served, p -> weighted(p, OperationTick::meanMs));
        Line poolWait = line(served, p -> weighted(p, OperationTick::poolWaitMeanMs));
        Line databaseMs = line(served.stream().filter(p -> p.database() != null && !p.database().statements().isEmpty()).toList(),
                Trends::databaseMsPerOperation);
        boolean leak = heap.significant() && heap.growthPct() >= 10 && heap.end() - heap.start() >= 5
                || backends.significant() && backends.end() - backends.start() >= 2;
        boolean drift = p95.significant() && p95.growthPct() >= 20;
        double seconds = points.get(points.size() - 1).elapsedSeconds() - points.get(0).elapsedSeconds();
        return Optional.of(new Trends(seconds, heap, backends, p95, mean, databaseMs, poolWait, leak, drift,
                drift ? DriftCause.of(mean, databaseMs, poolWait) : Optional.empty()));
    }

    private static long succeeded(TimePoint p) {
        long n = 0;
        for (OperationTick t : p.operationTicks()) {
            n += t.succeeded();
        }
        return n;
    }

    /** An operation figure over the interval, weighted by each operation's succeeded count. */
    private static double weighted(TimePoint p, ToDoubleFunction<OperationTick> figure) {
        double sum = 0;
        long n = 0;
        for (OperationTick t : p.operationTicks()) {
            sum += figure.applyAsDouble(t) * t.succeeded();
            n += t.succeeded();
        }
        return sum / n;
    }

    /**
     * The server's execution time over the interval per succeeded operation. The observer's own statements are in it
     * too (pg_stat_statements' counters come without their texts, which tell them apart); they cost about the same
     * every second, so they raise the line's level at low rates but not its slope, which is what a drift is split by.
     */
    private static double databaseMsPerOperation(TimePoint p) {
        double ms = 0;
        for (StatementTick t : p.database().statements().values()) {
            ms += t.totalMs();
        }
        return ms / succeeded(p);
    }

    private static Line line(List<TimePoint> points, ToDoubleFunction<TimePoint> value) {
        if (points.size() < 3) {
            return Line.NOT_MEASURED;
        }
        SimpleRegression r = new SimpleRegression();
        for (TimePoint p : points) {
            r.addData(p.elapsedSeconds(), value.applyAsDouble(p));
        }
        double from = points.get(0).elapsedSeconds();
        double to = points.get(points.size() - 1).elapsedSeconds();
        double slope = r.getSlope();
        return new Line(r.predict(from), r.predict(to), Double.isNaN(slope) ? 0 : slope * 3600, r.getSignificance(), points.size());
    }
}
