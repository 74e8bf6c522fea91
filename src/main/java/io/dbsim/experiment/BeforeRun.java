package io.dbsim.experiment;

/**
 * What an experiment does before each measured run: put the data back as it was (a snapshot's restore), so every step
 * or side measures the same database. {@link #NOTHING} leaves the data as the last run left it.
 */
@FunctionalInterface
public interface BeforeRun {

    BeforeRun NOTHING = label -> { };

    /** @param label the run about to start, as the experiment names it (step 2/6, A1, B1, ...) */
    void prepare(String label);
}
