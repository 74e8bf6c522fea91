package io.dbsim.analysis.capacity;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.DiagonalMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.Pair;

import java.util.List;

/**
 * The USL fitted to measured (concurrency, throughput) points by Levenberg–Marquardt least squares
 * (Hipparchus), on relative errors so that small and large steps weigh alike.
 *
 * @param standardErrors λ, σ, κ's standard errors from the fit's covariance (NaN when it is singular)
 * @param rSquared       share of the throughput's variance the model explains
 * @param residualsPct   per point, (measured − fitted) / fitted, in percent
 */
public record UslFit(UslModel model, double[] standardErrors, double rSquared, List<Point> points, double[] residualsPct) {

    /** One measured step: mean busy connections and operations per second. */
    public record Point(double concurrency, double throughput) {
    }

    public static UslFit fit(List<Point> points) {
        if (points.size() < 3) {
            throw new IllegalArgumentException("fitting λ, σ and κ needs at least 3 steps, got " + points.size());
        }
        double[] n = points.stream().mapToDouble(Point::concurrency).toArray();
        double[] x = points.stream().mapToDouble(Point::throughput).toArray();
        double[] weights = new double[x.length];
        double lambda0 = 0;
        for (int i = 0; i < x.length; i++) {
            weights[i] = 1.0 / Math.max(1e-12, x[i] * x[i]);
            lambda0 = Math.max(lambda0, x[i] / Math.max(n[i], 1e-9));
        }
        LeastSquaresOptimizer.Optimum best = null;
        for (double[] start : new double[][] {{lambda0, 0.05, 0.001}, {lambda0, 0.001, 0.00001}, {lambda0, 0.3, 0.01}}) {
            LeastSquaresProblem problem = new LeastSquaresBuilder()
                    .start(start)
                    .model(point -> valueAndJacobian(point, n))
                    .target(x)
                    .weight(new DiagonalMatrix(weights))
                    .parameterValidator(UslFit::feasible)
                    .maxEvaluations(10_000)
                    .maxIterations(10_000)
                    .build();
            try {
                LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(problem);
                if (best == null || o.getRMS() < best.getRMS()) {
                    best = o;
                }
            } catch (RuntimeException notConverged) {
                // Another start point may converge; if none does, the caller is told below.
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("the scalability model did not converge on these steps");
        }
        RealVector p = best.getPoint();
        UslModel model = new UslModel(p.getEntry(0), p.getEntry(1), p.getEntry(2));
        double[] errors = new double[3];
        // getSigma is the square root of the unscaled covariance's diagonal; scaled by the residuals' standard
        // deviation it is the standard error. With exactly 3 steps there is no residual freedom: NaN.
        double residualScale = x.length > 3 ? best.getCost() / Math.sqrt(x.length - 3.0) : Double.NaN;
        try {
            RealVector sigma = best.getSigma(1e-14);
            for (int i = 0; i < 3; i++) {
                errors[i] = sigma.getEntry(i) * residualScale;
            }
        } catch (RuntimeException singular) {
            java.util.Arrays.fill(errors, Double.NaN);
        }
        double mean = java.util.Arrays.stream(x).average().orElse(0);
        double ssRes = 0;
        double ssTot = 0;
        double[] residuals = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double fitted = model.throughput(n[i]);
            ssRes += (x[i] - fitted) * (x[i] - fitted);
            ssTot += (x[i] - mean) * (x[i] - mean);
            residuals[i] = 100.0 * (x[i] - fitted) / fitted;
        }
        double r2 = ssTot == 0 ? 1 : 1 - ssRes / ssTot;
        return new UslFit(model, errors, r2, List.copyOf(points), residuals);
    }

    private static RealVector feasible(RealVector p) {
        return new ArrayRealVector(new double[] {Math.max(p.getEntry(0), 1e-9), Math.min(Math.max(p.getEntry(1), 0), 1),
            Math.max(p.getEntry(2), 0)});
    }

    private static Pair<RealVector, RealMatrix> valueAndJacobian(RealVector p, double[] n) {
        double lambda = p.getEntry(0);
        double sigma = p.getEntry(1);
        double kappa = p.getEntry(2);
        double[] values = new double[n.length];
        double[][] jacobian = new double[n.length][3];
        for (int i = 0; i < n.length; i++) {
            double d = 1 + sigma * (n[i] - 1) + kappa * n[i] * (n[i] - 1);
            values[i] = lambda * n[i] / d;
            jacobian[i][0] = n[i] / d;
            jacobian[i][1] = -lambda * n[i] * (n[i] - 1) / (d * d);
            jacobian[i][2] = -lambda * n[i] * n[i] * (n[i] - 1) / (d * d);
        }
        return new Pair<>(new ArrayRealVector(values), new Array2DRowRealMatrix(jacobian));
    }

    /** Whether the data pins down κ: its estimate is clearly above zero, beyond one standard error. */
    public boolean coherencyEstimated() {
        return model.kappa() > 0 && !Double.isNaN(standardErrors[2]) && standardErrors[2] < model.kappa();
    }
}
