package io.dbsim.analysis.compare;

import io.dbsim.UsageException;
import io.dbsim.analysis.RunReport;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Runs A against runs B, row by row (the whole run, each operation, each statement), each row with
 * its change, confidence interval and verdict; see {@link VerdictStatistics} for how a verdict is reached.
 *
 * @param pairs       how many A/B pairs the noise rests on (1: per-interval samples inside the two runs)
 * @param confidence  the level of every row's interval: the one the false discovery rate control tests at,
 *                    so a row is better or worse exactly when its interval leaves out no change
 * @param plans       statements whose plan changed (from `dbsim ab`), else empty
 * @param notes       how the runs were made, as the experiment says
 */
public record Comparison(List<String> before, List<String> after, int pairs, double confidence, String method, List<String> differences,
                         List<Change> rows, List<PlanChange> plans, List<String> notes) {

    /** The share of "better" or "worse" verdicts allowed to be false among all of them. */
    public static final double FALSE_DISCOVERY_RATE = 0.05;
    /** Fewer operations or calls than this on either side give a row no verdict worth printing. */
    static final long MIN_COUNT = 10;

    /**
     * Compares the i-th run of {@code a} with the i-th of {@code b}; refuses runs made under different
     * conditions unless {@code force}.
     */
    public static Comparison of(List<RunSample> a, List<RunSample> b, boolean force) {
        if (a.isEmpty() || a.size() != b.size()) {
            throw new IllegalArgumentException("need as many A runs as B runs, got " + a.size() + " and " + b.size());
        }
        Comparability c = Comparability.of(a.get(0).run(), b.get(0).run());
        if (!c.refusals().isEmpty() && !force) {
            throw new UsageException("these runs were made under different conditions (" + String.join("; ", c.refusals())
                    + "), so their figures differ for more than the change: compare runs of the same scenario, or add --force");
        }
        List<String> differences = new ArrayList<>(c.refusals());
        differences.addAll(c.differences());
        Rows rows = new Rows();
        for (Metric m : List.of(Metric.THROUGHPUT, Metric.P50, Metric.P95, Metric.P99, Metric.POOL_WAIT)) {
            rows.add(null, null, m, a, b, s -> s.overall(m), "");
        }
        rows.errors(null, a, b);
        Set<String> operations = new LinkedHashSet<>(a.get(0).operationNames());
        operations.addAll(b.get(0).operationNames());
        for (String op : operations) {
            if (!everyRunHas(a, b, s -> s.operationCount(op))) {
                continue;
            }
            for (Metric m : List.of(Metric.THROUGHPUT, Metric.P50, Metric.P95, Metric.P99, Metric.POOL_WAIT)) {
                rows.add(op, null, m, a, b, s -> s.operation(op, m), "");
            }
            rows.errors(op, a, b);
        }
        for (String query : a.get(0).statementQueries()) {
            if (!everyRunHas(a, b, s -> s.statement(query) == null ? 0 : s.statement(query).calls())) {
                continue;
            }
            String operation = a.get(0).statement(query).operation();
            rows.add(operation, query, Metric.STATEMENT_MEAN, a, b, s -> s.statementMean(query), perCall(a, b, query));
        }
        return rows.decide(a.stream().map(RunSample::label).toList(), b.stream().map(RunSample::label).toList(), a.size(),
                List.copyOf(differences));
    }

    public Comparison with(List<PlanChange> planChanges, List<String> experimentNotes) {
        return new Comparison(before, after, pairs, confidence, method, differences, rows, List.copyOf(planChanges),
                List.copyOf(experimentNotes));
    }

    /** The intervals' confidence as people write it: 95%, 99.9%, 99.95%. */
    public String intervalLevel() {
        return level(confidence);
    }

    private static String level(double confidence) {
        return new java.math.BigDecimal(100 * confidence).round(new java.math.MathContext(4)).stripTrailingZeros().toPlainString() + "%";
    }

    /** Rows worse beyond {@code limitPct}: what fails `--fail-on-regression`. */
    public List<Change> regressions(double limitPct) {
        return rows.stream().filter(r -> r.regressionBeyond(limitPct)).toList();
    }

    public long count(Change.Verdict verdict) {
        return rows.stream().filter(r -> r.verdict() == verdict).count();
    }

    private static boolean everyRunHas(List<RunSample> a, List<RunSample> b, java.util.function.ToLongFunction<RunSample> count) {
        return a.stream().allMatch(s -> count.applyAsLong(s) >= MIN_COUNT) && b.stream().allMatch(s -> count.applyAsLong(s) >= MIN_COUNT);
    }

    private static String perCall(List<RunSample> a, List<RunSample> b, String query) {
        return String.format(Locale.ROOT, "shared blocks per call %.1f -> %.1f, rows per call %.1f -> %.1f",
                perCall(a, query, st -> st.sharedBlocksHit() + st.sharedBlocksRead()),
                perCall(b, query, st -> st.sharedBlocksHit() + st.sharedBlocksRead()),
                perCall(a, query, RunReport.StatementRow::rows), perCall(b, query, RunReport.StatementRow::rows));
    }

    private static double perCall(List<RunSample> runs, String query, java.util.function.ToLongFunction<RunReport.StatementRow> field) {
        double sum = 0;
        double calls = 0;
        for (RunSample s : runs) {
            RunReport.StatementRow st = s.statement(query);
            sum += field.applyAsLong(st);
            calls += st.calls();
        }
        return calls == 0 ? 0 : sum / calls;
    }

    private static double mean(List<Figure> figures) {
        return figures.stream().mapToDouble(Figure::value).average().orElse(Double.NaN);
    }

    /** The rows as they are built, each with its estimate, until the verdicts are decided over all of them. */
    private static final class Rows {
        private final List<Change> rows = new ArrayList<>();
        private final List<VerdictStatistics.Estimate> estimates = new ArrayList<>();

        void add(String operation, String query, Metric metric, List<RunSample> a, List<RunSample> b,
                 Function<RunSample, Figure> figure, String detail) {
            List<Figure> fa = a.stream().map(figure).toList();
            List<Figure> fb = b.stream().map(figure).toList();
            if (fa.contains(null) || fb.contains(null)
                    || fa.stream().allMatch(Rows::negligible) && fb.stream().allMatch(Rows::negligible)) {
                return;
            }
            if (fa.stream().anyMatch(Rows::negligible) || fb.stream().anyMatch(Rows::negligible)) {
                // From nothing to something (pool wait appearing) or back: a change with no ratio to test.
                double ma = mean(fa);
                double mb = mean(fb);
                rows.add(new Change(operation, query, metric, ma, mb, ma <= 0 ? Double.POSITIVE_INFINITY : 100 * (mb / ma - 1),
                        Double.NaN, Double.NaN, Double.NaN, null, detail));
                estimates.add(null);
                return;
            }
            VerdictStatistics.Estimate e = VerdictStatistics.logRatio(fa, fb);
            rows.add(new Change(operation, query, metric, mean(fa), mean(fb), 100 * Math.expm1(e.logRatio()), Double.NaN,
                    Double.NaN, e.pValue(), null, detail));
            estimates.add(e);
        }

        void errors(String operation, List<RunSample> a, List<RunSample> b) {
            long ea = 0;
            long na = 0;
            long eb = 0;
            long nb = 0;
            for (RunSample s : a) {
                long[] e = s.errors(operation);
                ea += e[0];
                na += e[1];
            }
            for (RunSample s : b) {
                long[] e = s.errors(operation);
                eb += e[0];
                nb += e[1];
            }
            double before = na == 0 ? 0 : 100.0 * ea / na;
            double after = nb == 0 ? 0 : 100.0 * eb / nb;
            double change = before > 0 ? 100 * (after / before - 1) : after > 0 ? Double.POSITIVE_INFINITY : 0;
            rows.add(new Change(operation, null, Metric.ERROR_RATE, before, after, change, Double.NaN, Double.NaN,
                    VerdictStatistics.proportions(ea, na, eb, nb), null,
                    String.format(Locale.ROOT, "%,d of %,d -> %,d of %,d failed", ea, na, eb, nb)));
            estimates.add(null);
        }

        /** Under a hundredth of its unit (10 µs, 0.01 ops/s): below what the report's rounding keeps, so no ratio. */
        private static boolean negligible(Figure f) {
            return f.value() < 0.01;
        }

        /** No failure on either side: nothing to test, and counting it among the tests would only cost the others power. */
        private static boolean errorFree(Change r) {
            return r.metric() == Metric.ERROR_RATE && r.before() == 0 && r.after() == 0;
        }

        /**
         * Benjamini-Hochberg over every row with a p-value; with R discoveries among M rows they are
         * exactly the rows whose interval at 1 - R q / M leaves out no change, so that is the level
         * every interval is given at (1 - q / M when there is none).
         */
        Comparison decide(List<String> before, List<String> after, int pairs, List<String> differences) {
            double[] p = rows.stream().mapToDouble(r -> errorFree(r) ? Double.NaN : r.pValue()).toArray();
            boolean[] found = VerdictStatistics.discoveries(p, FALSE_DISCOVERY_RATE);
            long tested = java.util.Arrays.stream(p).filter(v -> !Double.isNaN(v)).count();
            int discoveries = 0;
            for (boolean f : found) {
                discoveries += f ? 1 : 0;
            }
            double confidence = tested == 0 ? 0.95 : 1 - FALSE_DISCOVERY_RATE * Math.max(1, discoveries) / tested;
            List<Change> out = new ArrayList<>(rows.size());
            for (int i = 0; i < rows.size(); i++) {
                Change r = rows.get(i);
                Change.Verdict v = errorFree(r) ? Change.Verdict.WITHIN_NOISE : Double.isNaN(r.pValue()) ? Change.Verdict.NO_ESTIMATE
                        : !found[i] ? Change.Verdict.WITHIN_NOISE : r.improved() ? Change.Verdict.BETTER : Change.Verdict.WORSE;
                double[] ci = estimates.get(i) == null ? new double[] {Double.NaN, Double.NaN} : estimates.get(i).ciPct(confidence);
                out.add(new Change(r.operation(), r.query(), r.metric(), r.before(), r.after(), r.changePct(), ci[0], ci[1],
                        r.pValue(), v, r.detail()));
            }
            return new Comparison(before, after, pairs, confidence, method(pairs, (int) tested, confidence), differences,
                    List.copyOf(out), List.of(), List.of());
        }
    }

    private static String method(int pairs, int tested, double confidence) {
        String noise = pairs == 1
                ? "Noise comes from inside the two runs: each run's measured part (after warm-up and ramp-up, "
                        + "without the last, cut-short interval) is cut into up to " + RunSample.BATCHES + " consecutive batches of "
                        + RunSample.MIN_INTERVALS_PER_BATCH + " or more sample intervals, and a figure's noise is the spread of its "
                        + "batch values (batch means). The change is tested on the log of B/A with Welch's t. This sees the "
                        + "variation inside each run, not between runs: repeat runs (dbsim ab --repeat) to include that."
                : "Noise comes from " + pairs + " A/B pairs: the change is the mean of the pairs' log ratios B/A, "
                        + "its standard error the larger of the spread between the pairs and the batch spread inside the runs, "
                        + "tested with t on " + (pairs - 1) + " degrees of freedom.";
        return noise + " A and B are the figures the run reports give (after warm-up; statements over the whole run). "
                + "Error rates are compared as proportions, failures pooled over each side's runs (two-proportion z-test); rows "
                + "without a failure on either side are within noise untested. Better and worse hold at a "
                + Math.round(FALSE_DISCOVERY_RATE * 100) + "% false discovery rate over the " + tested + " tested rows "
                + "(Benjamini-Hochberg); every other row is within noise. Intervals are at "
                + level(confidence) + ", the level that control tests each row at, so a row is better or worse "
                + "exactly when its interval leaves out no change.";
    }
}
