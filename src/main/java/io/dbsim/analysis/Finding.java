package io.dbsim.analysis;

import java.util.List;
import java.util.Map;

/**
 * One bottleneck: what it is, the measured figures that show it, what it costs, and what to do.
 *
 * @param impactPct the share of the run's time (or operations) it affects, as estimated from the
 *                  evidence; findings are ranked by it
 * @param figures   the key numbers behind the finding, by name, for machines (CI, comparisons)
 */
public record Finding(String kind, Severity severity, double impactPct, String title, List<String> evidence,
                      String impact, String fix, Map<String, Object> figures) {

    public enum Severity { HIGH, MEDIUM, LOW }

    static Severity severityOf(double impactPct) {
        return impactPct >= 20 ? Severity.HIGH : impactPct >= 5 ? Severity.MEDIUM : Severity.LOW;
    }
}
