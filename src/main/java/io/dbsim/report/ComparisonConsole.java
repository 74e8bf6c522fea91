package io.dbsim.report;

import io.dbsim.Text;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.Metric;
import io.dbsim.analysis.compare.PlanChange;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The comparison on the console: every row of the whole run; per operation its throughput and p95
 * and whatever else changed beyond noise; the statements that changed; the plans that changed.
 * The Markdown, HTML and JSON outputs hold every row.
 */
public final class ComparisonConsole {

    private static final String ROW = "  %-30s %14s %14s %9s  %-19s %s%n";

    private ComparisonConsole() {
    }

    public static void print(PrintWriter out, Comparison c, Double failOnRegressionPct) {
        out.printf(Locale.ROOT, "%ncompare: A = %s%n         B = %s%n", String.join(", ", c.before()), String.join(", ", c.after()));
        c.notes().forEach(n -> out.println("  " + n));
        if (!c.differences().isEmpty()) {
            out.println("differences: " + String.join("; ", c.differences()));
        }
        out.printf(Locale.ROOT, ROW, "", "A", "B", "change", c.intervalLevel() + " interval", "verdict");
        out.println("all operations");
        c.rows().stream().filter(Change::overall).forEach(r -> row(out, r, r.metric().label()));
        String current = null;
        long hidden = 0;
        for (Change r : c.rows()) {
            if (!r.ofOperation()) {
                continue;
            }
            boolean headline = r.metric() == Metric.THROUGHPUT || r.metric() == Metric.P95;
            if (!headline && r.verdict() != Change.Verdict.BETTER && r.verdict() != Change.Verdict.WORSE) {
                hidden++;
                continue;
            }
            if (!Objects.equals(current, r.operation())) {
                current = r.operation();
                out.println(current);
            }
            row(out, r, r.metric().label());
        }
        List<Change> statements = c.rows().stream().filter(Change::ofStatement).toList();
        List<Change> changed = statements.stream()
                .filter(r -> r.verdict() == Change.Verdict.BETTER || r.verdict() == Change.Verdict.WORSE).toList();
        if (!statements.isEmpty()) {
            out.printf(Locale.ROOT, "statements (pg_stat_statements, mean execution time per call): %d compared, %d changed beyond noise%n",
                    statements.size(), changed.size());
            for (Change r : changed) {
                row(out, r, Text.oneLine((r.operation() == null ? "" : r.operation() + ": ") + r.query(), 30));
                out.println("      " + r.detail());
            }
        }
        if (!c.plans().isEmpty()) {
            out.println("plans changed (EXPLAIN of our statements in A and in B)");
            for (PlanChange p : c.plans()) {
                out.printf(Locale.ROOT, "  %s: %s%n    A: %s (cost %.1f)%n    B: %s (cost %.1f)%n", p.operation(),
                        Text.oneLine(p.query(), 90), p.planBefore(), p.costBefore(), p.planAfter(), p.costAfter());
            }
        }
        if (hidden > 0) {
            out.printf(Locale.ROOT, "(%d more operation rows within noise or without an estimate: --md, --html or --json show every row)%n", hidden);
        }
        out.println("how: " + c.method());
        out.printf(Locale.ROOT, "result: %d better, %d worse, %d within noise, %d without a noise estimate%n",
                c.count(Change.Verdict.BETTER), c.count(Change.Verdict.WORSE), c.count(Change.Verdict.WITHIN_NOISE),
                c.count(Change.Verdict.NO_ESTIMATE));
        if (failOnRegressionPct != null) {
            List<Change> regressions = c.regressions(failOnRegressionPct);
            out.printf(Locale.ROOT, "regression gate (worse by %s%% or more): %s%n", number(failOnRegressionPct),
                    regressions.isEmpty() ? "PASS" : "FAIL, " + regressions.size() + " row(s): " + String.join(", ",
                            regressions.stream().map(r -> (r.operation() == null ? "all" : r.operation()) + " " + r.metric().label()
                                    + " " + change(r)).toList()));
        }
        out.flush();
    }

    private static void row(PrintWriter out, Change r, String label) {
        out.printf(Locale.ROOT, ROW, label, value(r.before(), r.metric()), value(r.after(), r.metric()), change(r), interval(r),
                r.verdict().label());
    }

    static String value(double v, Metric m) {
        return number(v) + " " + m.unit();
    }

    static String change(Change r) {
        if (Double.isInfinite(r.changePct())) {
            return "new";
        }
        return String.format(Locale.ROOT, "%+.1f%%", r.changePct());
    }

    static String interval(Change r) {
        if (Double.isNaN(r.ciLowPct())) {
            return "";
        }
        return String.format(Locale.ROOT, "%+.1f%% .. %+.1f%%", r.ciLowPct(), r.ciHighPct());
    }

    static String number(double v) {
        double a = Math.abs(v);
        String f = a >= 100 ? "%,.0f" : a >= 10 ? "%.1f" : a >= 1 ? "%.2f" : "%.3f";
        return String.format(Locale.ROOT, f, v);
    }
}
