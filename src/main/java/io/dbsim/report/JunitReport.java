package io.dbsim.report;

import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.RunReport.ThresholdRow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The thresholds as a JUnit XML file (the format CI systems read from test runners): one test case per threshold,
 * failed when the threshold failed, so a pipeline shows a NO-GO as failed tests with what was measured.
 */
public final class JunitReport {

    private JunitReport() {
    }

    public static void write(RunReport run, Path file) {
        String xml = render(run);
        AtomicFiles.write(file, "JUnit XML", tmp -> Files.writeString(tmp, xml, StandardCharsets.UTF_8));
    }

    static String render(RunReport run) {
        var thresholds = run.thresholds() == null ? java.util.List.<ThresholdRow>of() : run.thresholds();
        boolean stopped = run.abortedBy() != null;
        long failures = thresholds.stream().filter(t -> !t.passed()).count() + (stopped ? 1 : 0);
        int tests = thresholds.size() + (stopped ? 1 : 0);
        StringBuilder x = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        x.append(String.format(Locale.ROOT, "<testsuites name=\"dbsim\" tests=\"%d\" failures=\"%d\" time=\"%.3f\">%n",
                tests, failures, run.elapsedS()));
        x.append(String.format(Locale.ROOT, "  <testsuite name=\"dbsim thresholds\" tests=\"%d\" failures=\"%d\" errors=\"0\" "
                + "skipped=\"0\" time=\"%.3f\" timestamp=\"%s\">%n", tests, failures, run.elapsedS(), attr(run.startedAt())));
        x.append("    <properties>\n");
        property(x, "database", run.database().target());
        property(x, "pattern", run.config().pattern());
        property(x, "verdict", run.verdict() == null ? "" : run.verdict());
        if (run.abortedBy() != null) {
            property(x, "stopped_early", run.abortedBy());
        }
        x.append("    </properties>\n");
        for (ThresholdRow t : thresholds) {
            String measured = t.measured() == null ? "not measured" : String.format(Locale.ROOT, "%.3f %s", t.measured(), t.unit());
            x.append("    <testcase classname=\"dbsim.thresholds\" name=\"").append(attr(t.threshold())).append("\" time=\"0\"");
            if (t.passed()) {
                x.append(">\n      <system-out>measured ").append(text(measured)).append("</system-out>\n    </testcase>\n");
            } else {
                x.append(">\n      <failure type=\"threshold\" message=\"").append(attr(t.threshold() + ": measured " + measured))
                        .append("\">").append(text(t.threshold() + " failed: measured " + measured + ", limit " + t.comparator()
                                + " " + t.limit() + " " + t.unit())).append("</failure>\n    </testcase>\n");
            }
        }
        if (stopped) {
            x.append("    <testcase classname=\"dbsim.thresholds\" name=\"run completed\" time=\"0\">\n      <failure type=\"abortOnFail\" message=\"")
                    .append(attr("stopped early: " + run.abortedBy())).append("\">").append(text("stopped early: " + run.abortedBy()))
                    .append("</failure>\n    </testcase>\n");
        }
        x.append("  </testsuite>\n</testsuites>\n");
        return x.toString();
    }

    private static void property(StringBuilder x, String name, String value) {
        x.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String text(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;");
    }
}
