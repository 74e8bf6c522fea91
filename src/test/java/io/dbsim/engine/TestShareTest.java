package io.dbsim.engine;

import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import io.dbsim.settings.Stage;
import io.dbsim.support.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which of the whole test's users each segment runs: together the segments run every user of the whole test once,
 * under the same number, at every moment as many as the whole test, and the same ones.
 */
class TestShareTest {

    private static RunSettings test(int users, List<Stage> stages) {
        return TestSettings.base().pattern("distributed").users(users).duration(stages.isEmpty() ? Duration.ofMinutes(1) : null)
                .thinkTime(Duration.ofMillis(100)).rampUp(Duration.ofSeconds(10)).stages(stages).maxUsers(1000).poolSize(12)
                .poolMinIdle(12).build();
    }

    @Test
    void theSegmentsOfARampUpStartEveryUserOnceAtItsMomentInTheWholeRamp() {
        RunSettings whole = test(10, List.of());
        List<Integer> started = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            TestShare share = TestShare.of(whole, new Segment(i, 3), null);
            assertThat(share.rampUpSpacingNanos()).isEqualTo(Duration.ofSeconds(1).toNanos());
            for (int u = 0; u < share.settings().users(); u++) {
                started.add(share.rampUpUser(u));
            }
            assertThat(share.starts()).isEqualTo(share.settings().users());
            assertThat(share.wholeStarts()).isEqualTo(10);
        }
        assertThat(started).containsExactlyInAnyOrder(0, 1, 2, 3, 4, 5, 6, 7, 8, 9);
        TestShare one = TestShare.whole(whole);
        assertThat(List.of(one.rampUpUser(0), one.rampUpUser(1), one.rampUpUser(9))).containsExactly(0, 1, 9);
    }

    /**
     * The engine's rule for stages, as Simulation applies it: while fewer users run than the target, start one more
     * (numbered by the share); while more run, stop the newest.
     */
    private static final class StageControl {
        final TestShare share;
        final Deque<Integer> running = new ArrayDeque<>();
        final List<Integer> started = new ArrayList<>();

        StageControl(TestShare share) {
            this.share = share;
        }

        void target(int stage, int wholeTarget) {
            int target = share.stageTarget(wholeTarget);
            while (running.size() < target && started.size() < share.starts()) {
                int user = share.stagedUser(stage, running.size());
                running.addLast(user);
                started.add(user);
            }
            while (running.size() > target) {
                running.removeLast();
            }
        }
    }

    @Test
    void underStagesTheSegmentsRunTheWholeTestsUsersAtEveryMoment() {
        List<Stage> stages = List.of(new Stage(Duration.ofSeconds(10), 11), new Stage(Duration.ofSeconds(10), 4),
                new Stage(Duration.ofSeconds(10), 13), new Stage(Duration.ofSeconds(10), 13), new Stage(Duration.ofSeconds(10), 0));
        RunSettings whole = test(1, stages);
        StageControl one = new StageControl(TestShare.whole(whole));
        List<StageControl> segments = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            segments.add(new StageControl(TestShare.of(whole, new Segment(i, 4), null)));
        }
        int from = 0;
        for (int s = 0; s < stages.size(); s++) {
            for (int step = 0; step <= 20; step++) {
                int target = (int) Math.round(from + (stages.get(s).target() - from) * step / 20.0);
                one.target(s, target);
                TreeSet<Integer> together = new TreeSet<>();
                for (StageControl segment : segments) {
                    segment.target(s, target);
                    together.addAll(segment.running);
                }
                assertThat(together).as("stage %d, target %d", s, target).containsExactlyElementsOf(new TreeSet<>(one.running));
            }
            from = stages.get(s).target();
        }
        List<Integer> startedTogether = new ArrayList<>();
        segments.forEach(segment -> startedTogether.addAll(segment.started));
        assertThat(startedTogether).hasSize(11 + 9).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(one.started);
        assertThat(one.started).isEqualTo(IntStream.range(0, 20).boxed().toList());
        assertThat(segments.stream().mapToInt(segment -> segment.share.starts()).sum()).isEqualTo(20);
    }

    @Test
    void eachArrivalOfTheWholeTestIsRunByOneSegment() {
        RunSettings whole = TestSettings.base().pattern("pk_lookup").ratePerSecond(300).maxUsers(30).poolSize(12).poolMinIdle(12)
                .build();
        for (long k = 0; k < 50; k++) {
            int runs = 0;
            for (int i = 1; i <= 3; i++) {
                runs += TestShare.of(whole, new Segment(i, 3), null).runsArrival(k) ? 1 : 0;
            }
            assertThat(runs).isEqualTo(1);
        }
        assertThat(TestShare.of(whole, new Segment(2, 3), null).wholeRate()).isEqualTo(300);
    }

    @Test
    void onlyTheFirstSegmentObservesTheDatabase() {
        RunSettings whole = test(6, List.of());
        assertThat(TestShare.of(whole, new Segment(1, 3), null).observes()).isTrue();
        assertThat(TestShare.of(whole, new Segment(2, 3), null).observes()).isFalse();
        assertThat(TestShare.whole(whole).observes()).isTrue();
    }
}
