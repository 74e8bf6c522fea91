package io.dbsim.experiment;

import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;

import java.util.concurrent.TimeUnit;

/**
 * The run an experiment has in hand, so Ctrl-C reaches it: once stopped, the current run ends early and no
 * further run starts; what finished is kept.
 */
final class Stoppable {

    private volatile boolean stopped;
    private volatile Simulation current;

    boolean stopped() {
        return stopped;
    }

    void stop(long timeout, TimeUnit unit) throws InterruptedException {
        stopped = true;
        Simulation running = current;
        if (running != null) {
            running.stop(timeout, unit);
        }
    }

    /** Runs {@code simulation} unless stopped first; null when it never started. */
    RunResult run(Simulation simulation) {
        current = simulation;
        try {
            return stopped ? null : simulation.run();
        } finally {
            current = null;
        }
    }
}
