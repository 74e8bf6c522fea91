package io.dbsim.analysis.compare;

import org.hipparchus.distribution.continuous.NormalDistribution;
import org.hipparchus.distribution.continuous.TDistribution;

import java.util.Arrays;
import java.util.List;

/**
 * The statistics behind a verdict. A figure is compared on the log of its ratio B/A, whose noise
 * comes from the runs themselves: the batch spread inside each run and, with repeated A/B pairs,
 * the spread between pairs (the larger of the two). Error rates are compared as proportions.
 */
final class VerdictStatistics {

    private VerdictStatistics() {
    }

    /** The estimated log ratio, its standard error and degrees of freedom; se NaN when no noise estimate exists. */
    record Estimate(double logRatio, double se, double df) {

        double pValue() {
            if (Double.isNaN(se)) {
                return Double.NaN;
            }
            if (se == 0) {
                return logRatio == 0 ? 1 : Double.NaN;
            }
            double t = Math.abs(logRatio) / se;
            return 2 * (1 - new TDistribution(Math.max(1, df)).cumulativeProbability(t));
        }

        /** The interval of the change in percent at {@code confidence} (e.g. 0.95); NaNs without a noise estimate. */
        double[] ciPct(double confidence) {
            if (Double.isNaN(pValue())) {
                return new double[] {Double.NaN, Double.NaN};
            }
            double q = se == 0 ? 0 : new TDistribution(Math.max(1, df)).inverseCumulativeProbability((1 + confidence) / 2);
            return new double[] {100 * Math.expm1(logRatio - q * se), 100 * Math.expm1(logRatio + q * se)};
        }
    }

    /**
     * Pairs the i-th run of A with the i-th of B. One pair: Welch's t on the log ratio with each run's
     * batch spread. Several pairs: the mean log ratio, with the larger of the spread between pairs and
     * the batch spread, and t with pairs - 1 degrees of freedom.
     */
    static Estimate logRatio(List<Figure> a, List<Figure> b) {
        int n = a.size();
        double[] d = new double[n];
        double within = 0;
        double df = 0;
        double dfDenominator = 0;
        boolean noisy = true;
        for (int i = 0; i < n; i++) {
            d[i] = Math.log(b.get(i).value() / a.get(i).value());
            double sa = a.get(i).relativeStandardError();
            double sb = b.get(i).relativeStandardError();
            if (Double.isNaN(sa) || Double.isNaN(sb)) {
                noisy = false;
                continue;
            }
            within += sa * sa + sb * sb;
            dfDenominator += Math.pow(sa, 4) / (a.get(i).batches().length - 1) + Math.pow(sb, 4) / (b.get(i).batches().length - 1);
        }
        double mean = Arrays.stream(d).average().orElse(0);
        if (n == 1) {
            if (!noisy) {
                return new Estimate(mean, Double.NaN, 0);
            }
            df = dfDenominator == 0 ? 1 : within * within / dfDenominator;
            return new Estimate(mean, Math.sqrt(within), df);
        }
        double ss = 0;
        for (double x : d) {
            ss += (x - mean) * (x - mean);
        }
        double between = Math.sqrt(ss / (n - 1) / n);
        double withinSe = noisy ? Math.sqrt(within) / n : 0;
        return new Estimate(mean, Math.max(between, withinSe), n - 1);
    }

    /** Two-sided p-value of a change in error proportion (pooled two-proportion z-test). */
    static double proportions(long errorsA, long totalA, long errorsB, long totalB) {
        if (totalA == 0 || totalB == 0) {
            return Double.NaN;
        }
        double pooled = (double) (errorsA + errorsB) / (totalA + totalB);
        double se = Math.sqrt(pooled * (1 - pooled) * (1.0 / totalA + 1.0 / totalB));
        if (se == 0) {
            return 1;
        }
        double z = Math.abs((double) errorsB / totalB - (double) errorsA / totalA) / se;
        return 2 * (1 - new NormalDistribution().cumulativeProbability(z));
    }

    /**
     * Benjamini–Hochberg: which of the p-values are discoveries at false discovery rate {@code q}.
     * NaN p-values take no part.
     */
    static boolean[] discoveries(double[] p, double q) {
        Integer[] order = new Integer[p.length];
        int m = 0;
        for (int i = 0; i < p.length; i++) {
            if (!Double.isNaN(p[i])) {
                order[m++] = i;
            }
        }
        Integer[] ranked = Arrays.copyOf(order, m);
        Arrays.sort(ranked, (x, y) -> Double.compare(p[x], p[y]));
        int cutoff = -1;
        for (int r = 0; r < m; r++) {
            if (p[ranked[r]] <= (r + 1) * q / m) {
                cutoff = r;
            }
        }
        boolean[] out = new boolean[p.length];
        for (int r = 0; r <= cutoff; r++) {
            out[ranked[r]] = true;
        }
        return out;
    }
}
