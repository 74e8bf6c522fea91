package io.dbsim.cli;

import io.dbsim.DbsimException;
import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.analysis.capacity.Verification;
import io.dbsim.db.Database;
import io.dbsim.experiment.TargetRun;
import io.dbsim.report.ProgressLine;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** `capacity --verify`: the plan's target run for real on the sweep's database, as the sweep ran its steps. */
final class TargetVerification {

    private final DatabaseOptions database;
    private final PrintWriter err;

    TargetVerification(DatabaseOptions database, PrintWriter err) {
        this.database = database;
        this.err = err;
    }

    /** Null when stopped (Ctrl-C) before the run measured anything. */
    Verification verify(Sweep sweep, CapacityPlan plan, Duration thinkTime, Duration warmUp, Duration measured)
            throws InterruptedException {
        RunSettings base = SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, SweepCommand.SWEEP_DEFAULTS,
                SettingsLayer.EMPTY.with("pattern", sweep.pattern()).with("thinkTime", thinkTime).with("seed", sweep.seed())
                        .with("warmUp", warmUp)));
        Workload workload = Workload.builtIn();
        Pattern pattern = workload.pattern(base.pattern());
        base = base.withPattern(pattern.name());
        try (Database db = database.open()) {
            String here = db.connection().hostAndDatabase();
            if (sweep.database() != null && !sweep.database().equals(here)) {
                err.println("verify: the sweep measured " + sweep.database() + " and this runs on " + here
                        + ": the comparison holds only if they are the same database");
            }
            RunTarget.prepareData(db, database, base.seed(), err);
            err.printf(Locale.ROOT, "verify: %,d users thinking %s, pool %d, pattern %s: %s after %s warm-up%n", plan.targetUsers(),
                    Durations.format(thinkTime), plan.pool(), base.pattern(),
                    Durations.format(measured), Durations.format(warmUp));
            err.flush();
            TargetRun run = new TargetRun(base, workload, pattern, db.connection(),
                    DataRestore.beforeEachRun(db.connection(), false, err), new ProgressLine(err));
            Optional<SweepStep> result;
            try (StopOnSignal onSignal = new StopOnSignal(run::stop, err)) {
                result = run.run(plan.targetUsers(), plan.pool(), measured);
            }
            if (result.isEmpty()) {
                return null;
            }
            if (result.get().operations() == 0) {
                throw new DbsimException("verify: the target run measured no operations; its warm-up (" + warmUp
                        + ") may have taken the whole run");
            }
            return Verification.of(plan, result.get(), sweep.steps());
        }
    }
}
