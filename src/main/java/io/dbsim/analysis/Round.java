package io.dbsim.analysis;

/** Figures as reports keep them: to a thousandth of their unit, so a saved run renders as the live one did. */
public final class Round {

    private Round() {
    }

    public static double milli(double v) {
        return Math.round(v * 1000.0) / 1000.0;
    }

    /** NaN (nothing to divide by) as null, else rounded. */
    public static Double milliOrNull(double v) {
        return Double.isNaN(v) ? null : milli(v);
    }
}
