package io.dbsim.analysis.capacity;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;

import java.util.Arrays;
import java.util.List;

/**
 * The USL fitted to measured (concurrency, throughput) points the way R's usl package (3.x) does by
 * default: least squares on throughput with λ free, started at λ = max(X/N), σ = 0.01, κ = 0.0001,
 * within λ ≥ 0, 0 ≤ σ ≤ 1, 0 ≤ κ ≤ 1, by nlsr's bounded Marquardt method ({@link BoundedMarquardt}).
 *
 * @param standardErrors        λ, σ, κ's standard errors as R's usl (and nls) computes them:
 *                              √(diag((JᵀWJ)⁻¹) · s²), NaN without residual freedom or when singular
 * @param rSquared              share of the throughput's variance the model explains
 * @param residualsPct          per point, (measured − fitted) / fitted, in percent
 * @param residualStandardError s = √(Σ w (x − X)² / (points − 3)), R's "residual standard error"
 */
public record UslFit(UslModel model, double[] standardErrors, double rSquared, List<Point> points, double[] residualsPct,
                     Weighting weighting, double residualStandardError) {

    /** One measured step: mean busy connections and operations per second. */
    public record Point(double concurrency, double throughput) {
    }

    public static UslFit fit(List<Point> points) {
        return fit(points, Weighting.ABSOLUTE);
    }

    public static UslFit fit(List<Point> points, Weighting weighting) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("fitting λ, σ and κ needs at least 3 steps, got " + points.size());
        }
        double[] n = points.stream().mapToDouble(Point::concurrency).toArray();
        double[] x = points.stream().mapToDouble(Point::throughput).toArray();
        double[] w = Arrays.stream(x).map(weighting::weight).toArray();
        double lambda0 = 0;
        for (int i = 0; i < x.length; i++) {
            lambda0 = Math.max(lambda0, x[i] / n[i]);
        }
        double[] p = BoundedMarquardt.minimize(n, x, w, new double[] {lambda0, 0.01, 0.0001});
        if (!Double.isFinite(p[0]) || !Double.isFinite(p[1]) || !Double.isFinite(p[2])) {
            throw new IllegalArgumentException("the scalability model did not converge on these steps");
        }
        UslModel model = new UslModel(p[0], p[1], p[2]);
        double weightedSquares = 0;
        double mean = Arrays.stream(x).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double fitted = model.throughput(n[i]);
            weightedSquares += w[i] * (x[i] - fitted) * (x[i] - fitted);
            ssRes += (x[i] - fitted) * (x[i] - fitted);
            ssTot += (x[i] - mean) * (x[i] - mean);
            residuals[i] = 100.0 * (x[i] - fitted) / fitted;
        }
        int freedom = x.length - 3;
        double residualVariance = freedom > 0 ? weightedSquares / freedom : Double.NaN;
        double[] errors = new double[3];
        RealMatrix unscaled = unscaledCovariance(p, n, w);
        for (int j = 0; j < 3; j++) {
            errors[j] = unscaled == null ? Double.NaN : Math.sqrt(unscaled.getEntry(j, j) * residualVariance);
        }
        double r2 = ssTot == 0 ? 1 : 1 - ssRes / ssTot;
        return new UslFit(model, errors, r2, List.copyOf(points), residuals, weighting, Math.sqrt(residualVariance));
    }

    /** A straight line through one measured point: no contention assumed, nothing estimated beyond λ. */
    public static UslFit throughOnePoint(Point point) {
        return new UslFit(new UslModel(point.throughput() / point.concurrency(), 0, 0),
                new double[] {Double.NaN, Double.NaN, Double.NaN}, Double.NaN, List.of(point), new double[] {0},
                Weighting.ABSOLUTE, Double.NaN);
    }

    /**
     * (JᵀWJ)⁻¹ at λ, σ, κ, over all three parameters even when one rests on its bound, as R's usl
     * computes it; null when singular.
     */
    static RealMatrix unscaledCovariance(double[] p, double[] n, double[] w) {
        RealMatrix information = new Array2DRowRealMatrix(3, 3);
        for (int i = 0; i < n.length; i++) {
            double[] g = BoundedMarquardt.gradient(p, n[i]);
            for (int a = 0; a < 3; a++) {
                for (int b = 0; b < 3; b++) {
                    information.addToEntry(a, b, w[i] * g[a] * g[b]);
                }
            }
        }
        LUDecomposition lu = new LUDecomposition(information, 0);
        return lu.getSolver().isNonSingular() ? lu.getSolver().getInverse() : null;
    }

    /** The steps left to estimate the noise: points − 3. */
    public int degreesOfFreedom() {
        return points.size() - 3;
    }

    /** Whether the data pins down κ: its estimate is clearly above zero, beyond one standard error. */
    public boolean coherencyEstimated() {
        return model.kappa() > 0 && !Double.isNaN(standardErrors[2]) && standardErrors[2] < model.kappa();
    }
}
