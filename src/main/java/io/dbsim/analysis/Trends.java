package io.dbsim.analysis;

import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import org.hipparchus.stat.regression.SimpleRegression;

import java.util.List;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * Over a long run, where the heap after GC, the run's backends and the p95 are heading: a least-squares
 * line per series over the measured part. A leak is flagged when the live heap (or the backends)
 * grows along a line that is statistically significant (p < 0.01) and by a size that matters.
 *
 * @param heap     heap after GC, MB
 * @param backends the run's connections on the server
 * @param p95      per-sample p95, ms
 */
public record Trends(double measuredSeconds, Line heap, Line backends, Line p95, boolean leakSuspected, boolean latencyDrift) {

    /** Runs shorter than this show noise, not trends. */
    static final double MIN_SECONDS = 60;
    static final double SIGNIFICANCE = 0.01;

    /** A fitted line: its value at the start and end of the measured part, growth per hour, and its p-value. */
    public record Line(double start, double end, double perHour, double pValue) {

        public double growthPct() {
            return start == 0 ? 0 : 100 * (end - start) / Math.abs(start);
        }

        boolean significant() {
            return !Double.isNaN(pValue) && pValue < SIGNIFICANCE;
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
        boolean leak = heap.significant() && heap.growthPct() >= 10 && heap.end() - heap.start() >= 5
                || backends.significant() && backends.end() - backends.start() >= 2;
        boolean drift = p95.significant() && p95.growthPct() >= 20;
        double seconds = points.get(points.size() - 1).elapsedSeconds() - points.get(0).elapsedSeconds();
        return Optional.of(new Trends(seconds, heap, backends, p95, leak, drift));
    }

    private static Line line(List<TimePoint> points, ToDoubleFunction<TimePoint> value) {
        if (points.size() < 3) {
            return new Line(0, 0, 0, Double.NaN);
        }
        SimpleRegression r = new SimpleRegression();
        for (TimePoint p : points) {
            r.addData(p.elapsedSeconds(), value.applyAsDouble(p));
        }
        double from = points.get(0).elapsedSeconds();
        double to = points.get(points.size() - 1).elapsedSeconds();
        double slope = r.getSlope();
        return new Line(r.predict(from), r.predict(to), Double.isNaN(slope) ? 0 : slope * 3600, r.getSignificance());
    }
}
