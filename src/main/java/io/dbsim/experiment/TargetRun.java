package io.dbsim.experiment;

import io.dbsim.analysis.SweepSteps;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.settings.RunSettings;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A capacity answer's target run for real: its users, think time and pool, with the sweep's pattern blended as the
 * sweep ran it, on data put back first, summarised as a sweep step so it reads beside the sweep's own.
 */
public final class TargetRun {

    private final RunSettings base;
    private final Workload workload;
    private final Pattern pattern;
    private final ConnectionInfo database;
    private final BeforeRun beforeRun;
    private final RunListener listener;
    private final Stoppable runs = new Stoppable();

    /** @param base the sweep's settings (pattern, seed, pool timeout) with the target's think time and the run's warm-up */
    public TargetRun(RunSettings base, Workload workload, Pattern pattern, ConnectionInfo database, BeforeRun beforeRun,
                     RunListener listener) {
        this.base = base;
        this.workload = workload;
        this.pattern = pattern.blended();
        this.database = database;
        this.beforeRun = beforeRun;
        this.listener = listener;
    }

    public void stop(long timeout, TimeUnit unit) throws InterruptedException {
        runs.stop(timeout, unit);
    }

    /** Empty when stopped before it started. */
    public Optional<SweepStep> run(int users, int pool, Duration measured) {
        beforeRun.prepare("verify");
        RunResult result = runs.run(new Simulation(base.step(users, pool, base.warmUp().plus(measured), base.warmUp()), workload,
                pattern, database, listener));
        return Optional.ofNullable(result).map(SweepSteps::from);
    }
}
