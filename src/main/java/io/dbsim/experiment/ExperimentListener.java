package io.dbsim.experiment;

import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.engine.RunListener;

/** What an experiment tells the world as it goes: lines for people, its runs' own progress, each finished step or run. */
public interface ExperimentListener {

    ExperimentListener NONE = new ExperimentListener() {
    };

    /** A line saying what the experiment does next (a warm-up, a step, a run). */
    default void said(String line) {
    }

    /** The listener each measured run of the experiment reports to. */
    default RunListener runs() {
        return RunListener.NONE;
    }

    /** A sweep step was measured; {@code label} says which round and step. */
    default void stepMeasured(String label, SweepStep step) {
    }

    /** An A/B run finished; {@code label} is A1, B1, A2, ... */
    default void runDone(String label, RunReport report) {
    }
}
