package io.dbsim.analysis.capacity;

/**
 * An estimate with the bounds of its 95% interval; the bounds are NaN when the data cannot give
 * them (too few steps, a single run).
 */
public record Interval(double estimate, double low, double high) {

    public static Interval unknown(double estimate) {
        return new Interval(estimate, Double.NaN, Double.NaN);
    }

    public boolean known() {
        return Double.isFinite(low) && Double.isFinite(high);
    }

    public boolean contains(double value) {
        return known() && value >= low && value <= high;
    }

    /** high / low: 2 means the data cannot tell the answer from twice (or half) of it. */
    public double spread() {
        return known() ? high / low : Double.NaN;
    }

    public Interval times(double factor) {
        return new Interval(estimate * factor, low * factor, high * factor);
    }
}
