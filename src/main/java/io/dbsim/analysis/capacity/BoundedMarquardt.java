package io.dbsim.analysis.capacity;

import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.QRDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;

/**
 * Least squares for the USL's λ, σ and κ within λ ≥ 0, 0 ≤ σ ≤ 1, 0 ≤ κ ≤ 1, by the bounded
 * Marquardt method of John C. Nash's nlsr package ({@code nlfb}, the solver behind {@code nlxb}),
 * which R's usl package (3.x) runs by default. Its damping, bound masks and stopping rules are kept
 * as nlsr has them, so the search stops where R's does, including when a parameter ends on a bound.
 */
final class BoundedMarquardt {

    private static final double MACHINE_EPSILON = Math.ulp(1.0);
    /** nlsr's {@code offset}: parameters count as unchanged when adding them to it shows no change. */
    private static final double OFFSET = 100;
    private static final double TOLERANCE = MACHINE_EPSILON * OFFSET;
    private static final double DAMPING_START = 1e-4;
    private static final double DAMPING_UP = 10;
    private static final double DAMPING_DOWN = 4;
    private static final int MAX_EVALUATIONS = 10_000;
    private static final int MAX_JACOBIANS = 5_000;
    private static final double[] LOWER = {0, 0, 0};
    private static final double[] UPPER = {Double.POSITIVE_INFINITY, 1, 1};
    private static final int PARAMETERS = 3;

    private enum Bound { FREE, AT_LOWER, AT_UPPER }

    private BoundedMarquardt() {
    }

    /**
     * @param weights per point; the squares minimised are {@code Σ w (X(n) − x)²}
     * @param start   λ, σ, κ to start from, within the bounds
     * @return λ, σ, κ
     */
    static double[] minimize(double[] n, double[] x, double[] weights, double[] start) {
        double[] root = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            root[i] = Math.sqrt(weights[i]);
        }
        double[] best = start.clone();
        double[] residuals = residuals(best, n, x, root);
        double bestSquares = squares(residuals);
        double smallSquares = bestSquares * Math.pow(TOLERANCE, 4);
        double damping = DAMPING_START;
        int evaluations = 1;
        int jacobians = 0;
        int unchanged = 0;
        boolean newJacobian = true;
        Bound[] bounds = new Bound[PARAMETERS];
        double[][] jacobian = null;
        double[] gradient = null;
        while (unchanged < PARAMETERS && evaluations <= MAX_EVALUATIONS && jacobians <= MAX_JACOBIANS) {
            if (newJacobian) {
                jacobian = jacobian(best, n, root);
                jacobians++;
                gradient = transposeTimes(jacobian, residuals);
                for (int j = 0; j < PARAMETERS; j++) {
                    bounds[j] = bound(best[j], j);
                    // A parameter on its bound stays there while the descent direction points out of the box.
                    boolean intoBox = bounds[j] == Bound.AT_LOWER ? gradient[j] < 0 : gradient[j] > 0;
                    if (bounds[j] != Bound.FREE && intoBox) {
                        bounds[j] = Bound.FREE;
                    } else if (bounds[j] != Bound.FREE) {
                        gradient[j] = 0;
                        for (double[] row : jacobian) {
                            row[j] = 0;
                        }
                    }
                }
            }
            QRDecomposition qr = new QRDecomposition(damped(jacobian, damping));
            RealVector padded = new ArrayRealVector(residuals, new double[PARAMETERS]);
            RealVector projected = qr.getQT().operate(padded);
            double largest = 0;
            for (int j = 0; j < PARAMETERS; j++) {
                largest = Math.max(largest, Math.abs(projected.getEntry(j)));
            }
            // Nash's relative-offset test: the residuals hardly project onto the Jacobian's columns any more.
            if (largest / Math.sqrt(bestSquares + 1) <= Math.sqrt(TOLERANCE)) {
                break;
            }
            double[] delta = qr.getSolver().solve(padded.mapMultiply(-1)).toArray();
            double slope = 0;
            for (int j = 0; j < PARAMETERS; j++) {
                slope += delta[j] * gradient[j];
            }
            if (!(slope < 0)) {
                damping = raised(damping);
                newJacobian = false;
                continue;
            }
            double stepSize = 1;
            int stoppedBy = -1;
            for (int j = 0; j < PARAMETERS; j++) {
                if (bounds[j] == Bound.AT_LOWER && delta[j] < 0 || bounds[j] == Bound.AT_UPPER && delta[j] > 0) {
                    delta[j] = 0;
                } else if (delta[j] != 0) {
                    double toBound = ((delta[j] > 0 ? UPPER[j] : LOWER[j]) - best[j]) / delta[j];
                    if (toBound < stepSize) {
                        stepSize = toBound;
                        stoppedBy = j;
                    }
                }
            }
            if (stepSize < MACHINE_EPSILON) {
                damping = raised(damping);
                newJacobian = false;
                continue;
            }
            double[] trial = new double[PARAMETERS];
            unchanged = 0;
            for (int j = 0; j < PARAMETERS; j++) {
                trial[j] = Math.min(UPPER[j], Math.max(LOWER[j], best[j] + stepSize * delta[j]));
                if (j == stoppedBy) {
                    // The step ends on this bound: put it there, not a rounding error away (κ 1e-20 is κ = 0).
                    trial[j] = delta[j] > 0 ? UPPER[j] : LOWER[j];
                }
                if (OFFSET + trial[j] == OFFSET + best[j]) {
                    unchanged++;
                }
            }
            if (unchanged < PARAMETERS) {
                evaluations++;
                double[] trialResiduals = residuals(trial, n, x, root);
                double trialSquares = squares(trialResiduals);
                if (trialSquares < bestSquares) {
                    damping = DAMPING_DOWN * damping / DAMPING_UP;
                    best = trial;
                    residuals = trialResiduals;
                    bestSquares = trialSquares;
                    newJacobian = true;
                    if (bestSquares <= smallSquares) {
                        break;
                    }
                } else {
                    damping = raised(damping);
                    newJacobian = false;
                }
            }
        }
        return best;
    }

    /** ∂X(n)/∂(λ, σ, κ). */
    static double[] gradient(double[] p, double n) {
        double d = 1 + p[1] * (n - 1) + p[2] * n * (n - 1);
        return new double[] {n / d, -p[0] * n * (n - 1) / (d * d), -p[0] * n * n * (n - 1) / (d * d)};
    }

    private static Bound bound(double value, int j) {
        if (value - LOWER[j] < TOLERANCE * (Math.abs(LOWER[j]) + TOLERANCE)) {
            return Bound.AT_LOWER;
        }
        if (UPPER[j] - value < TOLERANCE * (Math.abs(UPPER[j]) + TOLERANCE)) {
            return Bound.AT_UPPER;
        }
        return Bound.FREE;
    }

    private static double raised(double damping) {
        return Math.max(damping, 1000 * MACHINE_EPSILON) * DAMPING_UP;
    }

    /** The Jacobian with √damping·I below it: Marquardt's step as a least-squares problem, solved by QR. */
    private static RealMatrix damped(double[][] jacobian, double damping) {
        RealMatrix m = new Array2DRowRealMatrix(jacobian.length + PARAMETERS, PARAMETERS);
        for (int i = 0; i < jacobian.length; i++) {
            m.setRow(i, jacobian[i]);
        }
        for (int j = 0; j < PARAMETERS; j++) {
            m.setEntry(jacobian.length + j, j, Math.sqrt(damping));
        }
        return m;
    }

    private static double[] residuals(double[] p, double[] n, double[] x, double[] root) {
        UslModel model = new UslModel(p[0], p[1], p[2]);
        double[] r = new double[n.length];
        for (int i = 0; i < n.length; i++) {
            r[i] = root[i] * (model.throughput(n[i]) - x[i]);
        }
        return r;
    }

    private static double[][] jacobian(double[] p, double[] n, double[] root) {
        double[][] j = new double[n.length][];
        for (int i = 0; i < n.length; i++) {
            j[i] = gradient(p, n[i]);
            for (int k = 0; k < PARAMETERS; k++) {
                j[i][k] *= root[i];
            }
        }
        return j;
    }

    private static double[] transposeTimes(double[][] jacobian, double[] r) {
        double[] g = new double[PARAMETERS];
        for (int i = 0; i < r.length; i++) {
            for (int k = 0; k < PARAMETERS; k++) {
                g[k] += jacobian[i][k] * r[i];
            }
        }
        return g;
    }

    private static double squares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return Double.isFinite(s) ? s : Double.MAX_VALUE;
    }
}
