package io.dbsim.analysis.capacity;

/** Paced sweep steps for the capacity tests. */
final class PacedSteps {

    private PacedSteps() {
    }

    /**
     * 1000 users asking for {@code share} of the peak, measured at {@code x} ops/s holding each connection
     * {@code holdMs} (busy connections by Little's law), with no pool wait and a p95 three times the mean.
     */
    static PacedStep of(double share, double x, double holdMs) {
        double busy = x * holdMs / 1000;
        SweepStep s = new SweepStep(1000, 32, 30, (long) (30 * x), 0, x, holdMs, holdMs, 3 * holdMs, 4 * holdMs, 0, 0, holdMs,
                busy, busy, 0, 30, false, 1, x, x, 45, 0, 0, 0);
        return new PacedStep(1000 * 1000 / x, share, s);
    }
}
