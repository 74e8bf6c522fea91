package io.dbsim.analysis.capacity;

import org.hipparchus.special.Erf;

import java.util.List;

/**
 * How much one round of a step varies, as a share of its throughput, from the spread of the rounds
 * of a repeated sweep: each step's range over its median, divided by the expected range of as many
 * standard normal draws (the control-chart constant d₂), pooled over the steps as a mean variance.
 */
public final class RoundsNoise {

    private RoundsNoise() {
    }

    /** NaN when no step ran more than once. */
    public static double relativeSd(List<SweepStep> steps) {
        double sum = 0;
        int counted = 0;
        for (SweepStep s : steps) {
            if (s.rounds() >= 2 && s.throughput() > 0) {
                double sd = (s.throughputMax() - s.throughputMin()) / s.throughput() / expectedRange(s.rounds());
                sum += sd * sd;
                counted++;
            }
        }
        return counted == 0 ? Double.NaN : Math.sqrt(sum / counted);
    }

    /** d₂(k) = ∫ 1 − Φ(x)ᵏ − (1 − Φ(x))ᵏ dx, by the trapezoid rule on [−10, 10]. */
    static double expectedRange(int k) {
        int steps = 4000;
        double from = -10;
        double width = 20.0 / steps;
        double sum = 0;
        for (int i = 0; i <= steps; i++) {
            double phi = 0.5 * (1 + Erf.erf((from + i * width) / Math.sqrt(2)));
            double f = 1 - Math.pow(phi, k) - Math.pow(1 - phi, k);
            sum += (i == 0 || i == steps) ? f / 2 : f;
        }
        return sum * width;
    }
}
