package io.dbsim.analysis;

import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.engine.RunResult;

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
                pool.meanHostCpuPct(), liveRows(run, true), liveRows(run, false));
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
