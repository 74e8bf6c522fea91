package io.dbsim.report;

import io.dbsim.analysis.capacity.CapacityPlan;
import io.dbsim.analysis.capacity.CapacityPlanner;
import io.dbsim.analysis.capacity.CapacitySection;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.analysis.capacity.UslModel;
import io.dbsim.analysis.capacity.Verification;
import io.dbsim.support.Chromium;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The capacity page checked in a real headless browser: its charts drawn, the verification point on the capacity chart. */
class CapacityHtmlTest {

    private static final UslModel TRUTH = new UslModel(1000, 0.05, 0.0005);

    private static SweepStep step(int users, double x, double holdMs, double waitMs) {
        double meanMs = holdMs + waitMs;
        return new SweepStep(users, 64, 60, (long) (60 * x), 0, x, meanMs, meanMs, 2 * meanMs, 3 * meanMs, waitMs, 2 * waitMs,
                holdMs, x * holdMs / 1000, x * holdMs / 1000, 0, 20, false, 3, 0.99 * x, 1.01 * x, 60, 1000, 1000, 0);
    }

    private static Sweep sweep() {
        List<SweepStep> steps = new ArrayList<>();
        for (int n : new int[] {1, 2, 4, 8, 16, 32}) {
            steps.add(step(n, TRUTH.throughput(n), 1000.0 * n / TRUTH.throughput(n), 0));
        }
        return new Sweep(Sweep.SCHEMA_VERSION, "dbsim", null, null, null, "mixed", "users", 0, 30, 5, 42, false, steps, List.of());
    }

    @Test
    void aVerifiedAnswerDrawsTheMeasuredTargetOnTheCapacityChartAndTheTableOfErrors(@TempDir Path dir) throws Exception {
        Optional<String> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium); .ci/run installs it");
        CapacityPlan plan = new CapacityPlanner(sweep()).plan(200, 1.0, 500, 8);
        // Measured 30% under the prediction, each operation holding its connection twice as long.
        SweepStep measured = step(200, plan.atTarget().throughput() * 0.7, plan.atTarget().holdMean() * 2000,
                plan.atTarget().poolWaitMean() * 1000);
        Verification v = Verification.of(plan, measured, sweep().steps());
        CapacitySection section = CapacitySection.of(plan).leadingWith(v.verdict());
        Path html = dir.resolve("capacity.html");

        CapacityHtml.write(section, v, "sweep.json", html);

        String page = Files.readString(html);
        assertThat(page).doesNotContain("src=\"http").doesNotContain("href=\"http");
        String dom = Chromium.dumpDom(chromium.get(), html);
        assertThat(Chromium.scriptErrors(dom)).isEmpty();
        assertThat(dom).contains("data-charts-rendered=\"2/2\"").contains("NOT CONFIRMED")
                .contains("the answer did NOT hold at the target").contains("Predicted and measured at the target");
        assertThat(dom).containsPattern("data-datasets=\"sweep steps \\(measured\\)\\|fitted USL\\|target \\(predicted\\)\\|"
                + "target 95% interval\\|target \\(measured\\)\"");
        assertThat(dom.indexOf("the answer did NOT hold")).isLessThan(dom.indexOf("The answer"));
    }

    @Test
    void anUnverifiedAnswerDrawsTheTargetWithoutAMeasuredPoint(@TempDir Path dir) throws Exception {
        Optional<String> chromium = Chromium.find();
        assumeTrue(chromium.isPresent(), "no chromium on PATH (apt-get install chromium); .ci/run installs it");
        CapacitySection section = CapacitySection.of(new CapacityPlanner(sweep()).plan(200, 1.0, 500, 8));
        Path html = dir.resolve("capacity.html");

        CapacityHtml.write(section, null, "sweep.json", html);

        String dom = Chromium.dumpDom(chromium.get(), html);
        assertThat(Chromium.scriptErrors(dom)).isEmpty();
        assertThat(dom).contains("data-charts-rendered=\"1/1\"").doesNotContain("Predicted and measured at the target")
                .containsPattern("data-datasets=\"sweep steps \\(measured\\)\\|fitted USL\\|target \\(predicted\\)\\|"
                        + "target 95% interval\"");
    }
}
