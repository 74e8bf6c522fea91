package io.dbsim.analysis.compare;

/**
 * One row of a comparison: a figure before (A) and after (B), the change, its confidence interval
 * (at the comparison's level; NaN where the row has none), the p-value behind the verdict, and the verdict.
 *
 * @param operation the operation, or null for the whole run
 * @param query     the statement's text for pg_stat_statements rows, else null
 * @param detail    supporting figures that carry no verdict (blocks and rows per call)
 */
public record Change(String operation, String query, Metric metric, double before, double after, double changePct,
                     double ciLowPct, double ciHighPct, double pValue, Verdict verdict, String detail) {

    public enum Verdict {
        BETTER("better"), WORSE("worse"), WITHIN_NOISE("within noise"), NO_ESTIMATE("no noise estimate");

        private final String label;

        Verdict(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** A row of the whole run. */
    public boolean overall() {
        return operation == null && query == null;
    }

    /** A row of one operation (not of a statement it sent). */
    public boolean ofOperation() {
        return operation != null && query == null;
    }

    /** A pg_stat_statements row. */
    public boolean ofStatement() {
        return query != null;
    }

    /** The direction of the change (as the change in percent shows it), whatever its significance. */
    boolean improved() {
        return metric.higherIsBetter() ? changePct > 0 : changePct < 0;
    }

    /** Worse and beyond the limit: what fails `--fail-on-regression` (statements only when an operation of ours sent them). */
    public boolean regressionBeyond(double limitPct) {
        if (verdict != Verdict.WORSE || !metric.gated() || query != null && operation == null) {
            return false;
        }
        return metric.higherIsBetter() ? changePct <= -limitPct : changePct >= limitPct;
    }
}
