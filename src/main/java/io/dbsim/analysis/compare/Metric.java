package io.dbsim.analysis.compare;

/** What a comparison row measures, with its unit and which way is better. */
public enum Metric {
    THROUGHPUT("throughput", "ops/s", true, true),
    P50("p50", "ms", false, true),
    P95("p95", "ms", false, true),
    P99("p99", "ms", false, true),
    POOL_WAIT("pool wait (mean)", "ms", false, false),
    ERROR_RATE("error rate", "%", false, true),
    STATEMENT_MEAN("mean time per call", "ms", false, true);

    private final String label;
    private final String unit;
    private final boolean higherIsBetter;
    private final boolean gated;

    Metric(String label, String unit, boolean higherIsBetter, boolean gated) {
        this.label = label;
        this.unit = unit;
        this.higherIsBetter = higherIsBetter;
        this.gated = gated;
    }

    public String label() {
        return label;
    }

    public String unit() {
        return unit;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * Whether --fail-on-regression looks at it: what users feel (throughput, latency, errors) and what
     * the database spends on each of our statements, where a schema change shows first. Pool wait
     * explains a regression; gating on it would fail builds on a hundredth of a millisecond.
     */
    public boolean gated() {
        return gated;
    }

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
