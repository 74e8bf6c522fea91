package io.dbsim.analysis;

import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;

import java.util.List;

/** A run's figures as one step of a sweep: what the capacity model is fitted to. */
public final class SweepSteps {

    private SweepSteps() {
    }

    public static SweepStep from(RunResult run) {
        RunSummary s = RunSummary.of(run);
        PoolUse pool = PoolUse.of(run, run.config().warmUp().toNanos() / 1e9);
        double seconds = Math.max(1e-9, run.measured().toNanos() / 1e9);
        double throughput = s.succeeded() / seconds;
        double hold = RunSummary.meanMs(s.database());
        double mean = RunSummary.meanMs(s.total());
        double users = run.config().openModel() ? 0 : measuredUsers(run);
        double cycleMs = s.operations() == 0 ? 0 : 1000.0 * users / (s.operations() / seconds);
        double overhead = users == 0 ? 0 : Math.max(0, cycleMs - mean - run.config().thinkTime().toNanos() / 1e6);
        return new SweepStep(run.config().users(), run.poolSize(), seconds, s.operations(), s.errorRate(), throughput, mean,
                RunSummary.ms(s.total(), 50), RunSummary.ms(s.total(), 95), RunSummary.ms(s.total(), 99),
                RunSummary.meanMs(s.poolWait()), RunSummary.ms(s.poolWait(), 95), hold, throughput * hold / 1000.0,
                pool.meanBusy(), overhead, pool.meanSimulatorCpuPct(), run.interrupted(), 1, throughput, throughput,
                pool.meanHostCpuPct(), liveRows(run, true), liveRows(run, false), throughputCvPct(run));
    }

    /**
     * The throughput's second-to-second variation after the warm-up, as a coefficient of variation in percent: a
     * database whose speed varies makes a queue of waiting users grow and shrink, which the mean alone does not show.
     * Samples of another length are scaled to one second as independent noise is (by the square root of their length).
     * The closing sample, taken after the users stopped, is left out; 0 with fewer than three whole samples.
     */
    static double throughputCvPct(RunResult run) {
        double warmUp = run.config().warmUp().toNanos() / 1e9;
        List<TimePoint> all = run.timeSeries();
        List<TimePoint> points = all.subList(0, Math.max(0, all.size() - 1)).stream()
                .filter(p -> p.elapsedSeconds() > warmUp).toList();
        // The first sample after the warm-up counts operations begun in it; from the second on each is whole.
        if (points.size() < 4) {
            return 0;
        }
        points = points.subList(1, points.size());
        double mean = points.stream().mapToDouble(TimePoint::opsPerSecond).average().orElse(0);
        if (mean <= 0) {
            return 0;
        }
        double variance = points.stream().mapToDouble(p -> (p.opsPerSecond() - mean) * (p.opsPerSecond() - mean)).sum()
                / (points.size() - 1);
        double interval = (points.getLast().elapsedSeconds() - points.getFirst().elapsedSeconds()) / (points.size() - 1);
        return 100 * Math.sqrt(variance) / mean * Math.sqrt(Math.max(1e-3, interval));
    }

    /** All tables' live rows at the run's start or end; 0 when the database was not observed. */
    private static long liveRows(RunResult run, boolean atStart) {
        if (run.observation() == null || run.observation().delta() == null) {
            return 0;
        }
        return run.observation().delta().tables().stream().mapToLong(t -> atStart ? t.liveRowsAtStart() : t.liveRows()).sum();
    }

    /** Users running after the warm-up, as sampled; the configured count when no sample fell there. */
    private static double measuredUsers(RunResult run) {
        double warmUp = run.config().warmUp().toNanos() / 1e9;
        return run.timeSeries().stream().filter(p -> p.elapsedSeconds() > warmUp && p.users() > 0)
                .mapToInt(p -> p.users()).average().orElse(run.config().users());
    }
}
