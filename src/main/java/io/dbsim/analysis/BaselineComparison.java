package io.dbsim.analysis;

import io.dbsim.UsageException;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.RunSample;

import java.util.List;

/**
 * A run against a baseline run, for the Markdown report: the comparison of the two, made even when
 * their conditions differ (the differences are listed first), or why it could not be made.
 *
 * @param comparison null when {@code refusal} says why there is none
 */
public record BaselineComparison(RunReport baseline, Comparison comparison, String refusal) {

    public static BaselineComparison of(RunReport baseline, RunReport run) {
        try {
            return new BaselineComparison(baseline, Comparison.of(List.of(RunSample.of("baseline", baseline)),
                    List.of(RunSample.of("this run", run)), true), null);
        } catch (UsageException e) {
            return new BaselineComparison(baseline, null, e.getMessage());
        }
    }
}
