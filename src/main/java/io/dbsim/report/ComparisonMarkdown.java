package io.dbsim.report;

import io.dbsim.Text;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.PlanChange;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The comparison as a Markdown report: verdict, conditions, method, and every row. */
public final class ComparisonMarkdown {

    private ComparisonMarkdown() {
    }

    public static void write(Comparison c, Double failOnRegressionPct, Path file) {
        String md = render(c, failOnRegressionPct);
        AtomicFiles.write(file, "Markdown comparison", tmp -> Files.writeString(tmp, md, StandardCharsets.UTF_8));
    }

    static String render(Comparison c, Double failOnRegressionPct) {
        StringBuilder m = new StringBuilder(16_000);
        m.append("# dbsim comparison\n\n");
        m.append("- **A**: ").append(String.join(", ", c.before())).append('\n');
        m.append("- **B**: ").append(String.join(", ", c.after())).append('\n');
        c.notes().forEach(n -> m.append("- ").append(n).append('\n'));
        m.append(String.format(Locale.ROOT, "%n**Result:** %d better, %d worse, %d within noise, %d without a noise estimate.",
                c.count(Change.Verdict.BETTER), c.count(Change.Verdict.WORSE), c.count(Change.Verdict.WITHIN_NOISE),
                c.count(Change.Verdict.NO_ESTIMATE)));
        if (failOnRegressionPct != null) {
            List<Change> regressions = c.regressions(failOnRegressionPct);
            m.append(" **Regression gate** (worse by ").append(ComparisonConsole.number(failOnRegressionPct)).append("% or more): ")
                    .append(regressions.isEmpty() ? "PASS" : "FAIL (" + regressions.size() + " rows)").append('.');
        }
        m.append("\n\n## Conditions\n\n");
        if (c.differences().isEmpty()) {
            m.append("Same configuration, settings and data volume on both sides.\n");
        }
        c.differences().forEach(d -> m.append("- ").append(d).append('\n'));
        m.append("\n## How the verdicts were reached\n\n").append(c.method()).append('\n');

        m.append("\n## All operations\n\n");
        header(m, "metric", c.intervalLevel());
        c.rows().stream().filter(Change::overall).forEach(r -> row(m, r.metric().label(), r));
        m.append("\n## Per operation\n\n");
        header(m, "operation | metric", c.intervalLevel());
        c.rows().stream().filter(Change::ofOperation)
                .forEach(r -> row(m, r.operation() + " | " + r.metric().label(), r));
        List<Change> statements = c.rows().stream().filter(Change::ofStatement).toList();
        if (!statements.isEmpty()) {
            m.append("\n## Statements (pg_stat_statements, mean execution time per call)\n\n");
            m.append("| operation | query | A | B | change | " + c.intervalLevel() + " interval | verdict | per call |\n|---|---|--:|--:|--:|---|---|---|\n");
            for (Change r : statements) {
                m.append("| ").append(r.operation() == null ? "" : r.operation()).append(" | `")
                        .append(Text.oneLine(r.query(), 100).replace("|", "\\|").replace("`", "'")).append("` | ")
                        .append(ComparisonConsole.value(r.before(), r.metric())).append(" | ")
                        .append(ComparisonConsole.value(r.after(), r.metric())).append(" | ").append(ComparisonConsole.change(r))
                        .append(" | ").append(ComparisonConsole.interval(r)).append(" | ").append(verdict(r)).append(" | ")
                        .append(r.detail()).append(" |\n");
            }
        }
        if (!c.plans().isEmpty()) {
            m.append("\n## Plans that changed\n\n");
            for (PlanChange p : c.plans()) {
                m.append("- **").append(p.operation()).append("** `").append(Text.oneLine(p.query(), 120).replace("`", "'")).append("`\n")
                        .append(String.format(Locale.ROOT, "  - A: %s (cost %.1f)%n  - B: %s (cost %.1f)%n", p.planBefore(),
                                p.costBefore(), p.planAfter(), p.costAfter()));
            }
        }
        return m.toString();
    }

    private static void header(StringBuilder m, String first, String level) {
        m.append("| ").append(first).append(" | A | B | change | ").append(level).append(" interval | verdict |\n|")
                .append("---|".repeat(first.split("\\|").length)).append("--:|--:|--:|---|---|\n");
    }

    private static void row(StringBuilder m, String label, Change r) {
        row(m, label, r, verdict(r));
    }

    /** One table row: the label's cells, A, B, the change, its interval, and the verdict as given. */
    static void row(StringBuilder m, String label, Change r, String verdict) {
        m.append("| ").append(label).append(" | ").append(ComparisonConsole.value(r.before(), r.metric())).append(" | ")
                .append(ComparisonConsole.value(r.after(), r.metric())).append(" | ").append(ComparisonConsole.change(r)).append(" | ")
                .append(ComparisonConsole.interval(r)).append(" | ").append(verdict).append(" |\n");
    }

    private static String verdict(Change r) {
        return switch (r.verdict()) {
            case BETTER -> "**better**";
            case WORSE -> "**WORSE**";
            default -> r.verdict().label();
        };
    }
}
