package io.dbsim.analysis.capacity;

import org.hipparchus.distribution.continuous.TDistribution;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * 95% intervals for anything computed from a fitted USL, by the delta method: the estimate's
 * covariance, the quantity's gradient in λ, σ and κ (central differences), and Student's t with the
 * fit's residual degrees of freedom.
 * <p>
 * A step's noise is taken as a share of its throughput (sd = τ·X): on one machine a step's throughput
 * varies by a percentage, which is also how the rounds of a repeated sweep show it. τ comes from the
 * fit's relative residuals, or from the rounds' spread when that is larger: three residual degrees of
 * freedom can make a noisy sweep look tidy. Under that noise the covariance of either weighting's
 * estimate is the sandwich A·(Σ w²τ²X²·ggᵀ)·A with A = (JᵀWJ)⁻¹. The standard errors R's usl prints
 * assume a noise of constant size instead, and their intervals cover far less than 95% for an
 * ordinary least-squares fit of such steps (UslIntervalsTest measures both).
 * <p>
 * Intervals are formed on the log scale, q·exp(±t·se(log q)): bounds stay positive and high/low reads
 * as a factor.
 */
public final class UslIntervals {

    public static final double LEVEL = 0.95;
    private static final double[] LOWER = {0, 0, 0};
    private static final double[] UPPER = {Double.POSITIVE_INFINITY, 1, 1};

    private final UslModel model;
    private final double[] theta;
    private final RealMatrix covariance;
    private final double relativeNoise;
    private final boolean noiseFromRounds;
    private final double t;

    private UslIntervals(UslModel model, RealMatrix covariance, double relativeNoise, boolean noiseFromRounds, double t) {
        this.model = model;
        this.theta = new double[] {model.lambda(), model.sigma(), model.kappa()};
        this.covariance = covariance;
        this.relativeNoise = relativeNoise;
        this.noiseFromRounds = noiseFromRounds;
        this.t = t;
    }

    /** From the fit's residuals alone. */
    public static UslIntervals of(UslFit fit) {
        return of(fit, Double.NaN);
    }

    /**
     * @param roundsRelativeSd one round's throughput standard deviation as a share of it, from repeated
     *                         steps ({@link RoundsNoise}); NaN when the steps ran once
     */
    public static UslIntervals of(UslFit fit, double roundsRelativeSd) {
        int freedom = fit.degreesOfFreedom();
        double[] n = fit.points().stream().mapToDouble(UslFit.Point::concurrency).toArray();
        double[] x = fit.points().stream().mapToDouble(UslFit.Point::throughput).toArray();
        double[] w = Arrays.stream(x).map(fit.weighting()::weight).toArray();
        double[] p = {fit.model().lambda(), fit.model().sigma(), fit.model().kappa()};
        RealMatrix a = freedom > 0 ? UslFit.unscaledCovariance(p, n, w) : null;
        if (a == null) {
            return new UslIntervals(fit.model(), null, Double.NaN, false, Double.NaN);
        }
        double squares = 0;
        for (int i = 0; i < n.length; i++) {
            double fitted = fit.model().throughput(n[i]);
            squares += Math.pow((x[i] - fitted) / fitted, 2);
        }
        double residualNoise = Math.sqrt(squares / freedom);
        boolean fromRounds = roundsRelativeSd > residualNoise;
        double tau = fromRounds ? roundsRelativeSd : residualNoise;
        RealMatrix meat = new Array2DRowRealMatrix(3, 3);
        for (int i = 0; i < n.length; i++) {
            double[] g = BoundedMarquardt.gradient(p, n[i]);
            double variance = Math.pow(tau * fit.model().throughput(n[i]), 2);
            for (int r = 0; r < 3; r++) {
                for (int c = 0; c < 3; c++) {
                    meat.addToEntry(r, c, w[i] * w[i] * variance * g[r] * g[c]);
                }
            }
        }
        double quantile = new TDistribution(freedom).inverseCumulativeProbability((1 + LEVEL) / 2);
        return new UslIntervals(fit.model(), a.multiply(meat).multiply(a), tau, fromRounds, quantile);
    }

    /** Whether the fit leaves residual freedom and a regular covariance: without them every interval is unknown. */
    public boolean known() {
        return covariance != null;
    }

    /** τ: one step's throughput standard deviation as a share of it. */
    public double relativeNoise() {
        return relativeNoise;
    }

    /** Whether τ came from the rounds' spread rather than from the fit's residuals. */
    public boolean noiseFromRounds() {
        return noiseFromRounds;
    }

    /** The mean throughput the model gives at concurrency n. */
    public Interval throughput(double n) {
        return confidence(m -> m.throughput(n));
    }

    /** Where one more step measured at concurrency n should fall. */
    public Interval observedThroughput(double n) {
        return prediction(m -> m.throughput(n));
    }

    /** Any positive quantity computed from the model: the peak concurrency, a closed-system prediction, ... */
    public Interval confidence(ToDoubleFunction<UslModel> quantity) {
        return interval(quantity, 0);
    }

    /** A throughput computed from the model, as one more measured step would show it: its noise added. */
    public Interval prediction(ToDoubleFunction<UslModel> throughput) {
        return interval(throughput, relativeNoise * relativeNoise);
    }

    private Interval interval(ToDoubleFunction<UslModel> quantity, double addedLogVariance) {
        double estimate = quantity.applyAsDouble(model);
        if (covariance == null || !(estimate > 0) || !Double.isFinite(estimate)) {
            return Interval.unknown(estimate);
        }
        double[] g = new double[3];
        for (int j = 0; j < 3; j++) {
            double sd = Math.sqrt(covariance.getEntry(j, j));
            if (!(sd > 0)) {
                continue;
            }
            // A step small against the parameter's own uncertainty; one-sided next to a bound, where the
            // quantity may not exist (κ = 0 has no peak).
            double h = 1e-3 * sd;
            double up = theta[j] + h <= UPPER[j] ? theta[j] + h : theta[j];
            double down = theta[j] - h >= LOWER[j] ? theta[j] - h : theta[j];
            double atUp = up > theta[j] ? quantity.applyAsDouble(perturbed(j, up)) : estimate;
            double atDown = down < theta[j] ? quantity.applyAsDouble(perturbed(j, down)) : estimate;
            g[j] = (Math.log(atUp) - Math.log(atDown)) / (up - down);
        }
        double variance = addedLogVariance;
        for (int r = 0; r < 3; r++) {
            for (int c = 0; c < 3; c++) {
                variance += g[r] * covariance.getEntry(r, c) * g[c];
            }
        }
        double half = t * Math.sqrt(variance);
        if (!Double.isFinite(half)) {
            return Interval.unknown(estimate);
        }
        return new Interval(estimate, estimate * Math.exp(-half), estimate * Math.exp(half));
    }

    private UslModel perturbed(int j, double value) {
        double[] p = theta.clone();
        p[j] = value;
        return new UslModel(p[0], p[1], p[2]);
    }
}
