package io.dbsim.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.analysis.BaselineComparison;
import io.dbsim.analysis.RunReport;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs saved by the dbsim before the typed run report (src/test/resources/golden: a 70 s steady run with
 * thresholds, trends and a capacity estimate, and a staged business-flow run with a spike) render as they did
 * then: the same Markdown (also with a baseline), the same HTML page around the same data, and the same console
 * report the live run printed.
 */
class GoldenReportTest {

    private static final String RUN_DATA = "<script type=\"application/json\" id=\"run-data\">";

    @Test
    void markdownOfASavedRunIsTheSameAsBefore() throws Exception {
        for (String run : List.of("steady", "flow")) {
            assertThat(MarkdownReport.render(saved(run), null)).as(run).isEqualTo(text(run + ".md"));
        }
        RunReport flow = saved("flow");
        assertThat(MarkdownReport.render(flow, BaselineComparison.of(saved("steady"), flow))).isEqualTo(text("flow-vs-steady.md"));
    }

    @Test
    void htmlOfASavedRunIsTheSamePageAroundTheSameData() throws Exception {
        for (String run : List.of("steady", "flow")) {
            String html = HtmlReport.render(saved(run));
            int from = html.indexOf(RUN_DATA) + RUN_DATA.length();
            int to = html.indexOf("</script>", from);
            JsonNode embedded = new ObjectMapper().readTree(html.substring(from, to).replace("\\u003c", "<"));
            assertContains(embedded, new ObjectMapper().readTree(text(run + ".json")), run);
            String page = withoutScripts(html.substring(0, from) + "RUN-DATA" + html.substring(to));
            assertThat(page).as(run).isEqualTo(withoutScripts(text(run + ".html.skeleton")));
        }
    }

    /**
     * The console read back from the file: as the live run printed it, but for two things the old file does not
     * hold. It did not record the host's cores (said as "all cores"), and the old console rounded a few figures
     * from unrounded values where the file keeps thousandths, so such a figure may differ by one in its last
     * printed digit (4.0649 ms printed 4.06 then, 4.065 prints 4.07 now).
     */
    @Test
    void consoleOfASavedRunIsWhatTheLiveRunPrinted() throws Exception {
        for (String run : List.of("steady", "flow")) {
            StringWriter out = new StringWriter();
            ConsoleReport.printAll(new PrintWriter(out), saved(run));
            String[] expected = text(run + ".console").replaceAll("(?m)^(  simulator CPU .*% of )2 cores", "$1all cores").split("\n");
            String[] actual = out.toString().split("\n");
            assertThat(actual).as(run).hasSameSizeAs(expected);
            for (int i = 0; i < expected.length; i++) {
                assertSameUpToLastDigit(actual[i], expected[i], run + " line " + (i + 1));
            }
        }
    }

    /**
     * The page without the code of its scripts (Chart.js and dbsim's chart drawing, which HtmlReportTest runs in a real
     * browser and which may improve): what is compared is the page and its data.
     */
    private static String withoutScripts(String page) {
        return page.replaceAll("(?s)<script>.*?</script>", "<script>CODE</script>");
    }

    private static final Pattern NUMBER = Pattern.compile("\\d+\\.(\\d+)");

    private static void assertSameUpToLastDigit(String actual, String expected, String where) {
        Matcher a = NUMBER.matcher(actual);
        Matcher e = NUMBER.matcher(expected);
        StringBuilder sa = new StringBuilder();
        StringBuilder se = new StringBuilder();
        int ia = 0;
        int ie = 0;
        while (a.find() && e.find()) {
            sa.append(actual, ia, a.start());
            se.append(expected, ie, e.start());
            double step = Math.pow(10, -e.group(1).length());
            double da = Double.parseDouble(a.group());
            double de = Double.parseDouble(e.group());
            assertThat(Math.abs(da - de)).as(where + ": " + a.group() + " against " + e.group()).isLessThanOrEqualTo(step * 1.0001);
            ia = a.end();
            ie = e.end();
        }
        sa.append(actual.substring(ia));
        se.append(expected.substring(ie));
        assertThat(sa.toString()).as(where).isEqualTo(se.toString());
    }

    /** Every key and value of {@code old} is in {@code now} (which may have keys added since). */
    private static void assertContains(JsonNode now, JsonNode old, String where) {
        if (old.isObject()) {
            assertThat(now.isObject()).as(where).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = old.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                assertThat(now.has(e.getKey())).as(where + "." + e.getKey()).isTrue();
                assertContains(now.get(e.getKey()), e.getValue(), where + "." + e.getKey());
            }
        } else if (old.isArray()) {
            assertThat(now.size()).as(where).isEqualTo(old.size());
            for (int i = 0; i < old.size(); i++) {
                assertContains(now.get(i), old.get(i), where + "[" + i + "]");
            }
        } else {
            assertThat(now).as(where).isEqualTo(old);
        }
    }

    private static RunReport saved(String run) throws URISyntaxException {
        return JsonReport.read(Path.of(GoldenReportTest.class.getResource("/golden/" + run + ".json").toURI()));
    }

    private static String text(String name) throws IOException {
        try (InputStream in = GoldenReportTest.class.getResourceAsStream("/golden/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
