package io.dbsim.cli;

import io.dbsim.UsageException;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.RunSample;
import io.dbsim.report.ComparisonConsole;
import io.dbsim.report.ComparisonHtml;
import io.dbsim.report.ComparisonJson;
import io.dbsim.report.ComparisonMarkdown;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/** The options and outputs 'compare' and 'ab' share: report files and the regression gate (a picocli mixin). */
public final class ComparisonOutputs {

    @Option(names = "--fail-on-regression", paramLabel = "PCT",
            description = "Exit with 99 when a throughput, latency, error-rate or statement-time row is worse beyond noise "
                    + "by PCT or more, e.g. 10%% (for CI).")
    String failOnRegression;

    @Option(names = "--md", paramLabel = "FILE", description = "Also write the comparison in Markdown, every row.")
    Path markdown;

    @Option(names = "--html", paramLabel = "FILE", description = "Also write a self-contained HTML comparison with charts.")
    Path html;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the comparison as JSON (format: reports/README.md).")
    Path json;

    private Double limitPct;

    /** Checks the options before any work is done. */
    void check() {
        for (Path file : new Path[] {markdown, html, json}) {
            if (file != null && Files.isDirectory(file)) {
                throw new UsageException(file + " is a folder: give a file name, such as reports/compare.html");
            }
        }
        if (failOnRegression != null) {
            String v = failOnRegression.trim();
            try {
                limitPct = Double.parseDouble(v.endsWith("%") ? v.substring(0, v.length() - 1) : v);
            } catch (NumberFormatException e) {
                limitPct = Double.NaN;
            }
            if (!(limitPct > 0) || limitPct.isInfinite()) {
                throw new UsageException("--fail-on-regression '" + failOnRegression + "' is not a percentage: write it like 10%");
            }
        }
    }

    /** Prints and writes the comparison; returns the exit code the gate calls for. */
    int report(PrintWriter out, Comparison c, RunSample firstA, RunSample firstB) {
        ComparisonConsole.print(out, c, limitPct);
        if (json != null) {
            ComparisonJson.write(c, limitPct, json);
            out.println("JSON comparison: " + json);
        }
        if (markdown != null) {
            ComparisonMarkdown.write(c, limitPct, markdown);
            out.println("Markdown comparison: " + markdown);
        }
        if (html != null) {
            ComparisonHtml.write(c, limitPct, firstA, firstB, html);
            out.println("HTML comparison: " + html);
        }
        out.flush();
        return limitPct != null && !c.regressions(limitPct).isEmpty() ? ExitCodes.THRESHOLDS_FAILED : ExitCodes.OK;
    }
}
