package io.dbsim.settings;

import io.dbsim.UsageException;
import io.dbsim.support.TestSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A test divided into N segments: written both ways, shares that add up exactly, and refusals of empty segments. */
class SegmentTest {

    private static RunSettings closed(int users, int pool, List<Stage> stages) {
        return TestSettings.base().pattern("distributed").users(users).duration(stages.isEmpty() ? Duration.ofMinutes(5) : null)
                .thinkTime(Duration.ofMillis(100)).rampUp(Duration.ofSeconds(10)).stages(stages).maxUsers(1000)
                .warmUp(Duration.ofSeconds(30)).poolSize(pool).poolMinIdle(pool).build();
    }

    @Test
    void oneBasedAsWrittenAndZeroBasedAsKubernetesCountsNameTheSameSegment() {
        assertThat(Segment.parse("2/8")).isEqualTo(new Segment(2, 8)).isEqualTo(Segment.zeroBased(1, 8));
        assertThat(Segment.parse(" 8 / 8 ").toString()).isEqualTo("8/8");
        assertThat(Segment.zeroBased(0, 1).whole()).isTrue();
        assertThatThrownBy(() -> Segment.parse("0/8")).isInstanceOf(UsageException.class)
                .hasMessage("--segment 0/8: there is no such segment; the segments of 8 are 1/8 to 8/8 (--segment-index 0 to 7)");
        assertThatThrownBy(() -> Segment.parse("9/8")).isInstanceOf(UsageException.class).hasMessageContaining("no such segment");
        assertThatThrownBy(() -> Segment.zeroBased(8, 8)).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--segment-index 8 --segments 8: there is no such segment");
        assertThatThrownBy(() -> Segment.parse("2-8")).isInstanceOf(UsageException.class)
                .hasMessage("--segment '2-8' must be I/N, the I-th of N segments counted from 1, e.g. 2/8");
    }

    @Test
    void sharesAddUpToTheWholeWithTheRemainderOnTheFirstSegments() {
        for (int n = 1; n <= 9; n++) {
            for (int total = 0; total <= 60; total++) {
                int sum = 0;
                int previous = Integer.MAX_VALUE;
                for (int i = 1; i <= n; i++) {
                    int share = new Segment(i, n).share(total);
                    assertThat(share).as("%d of %d, segment %d", total, n, i).isLessThanOrEqualTo(previous).isIn(total / n, total / n + 1);
                    previous = share;
                    sum += share;
                }
                assertThat(sum).as("%d over %d", total, n).isEqualTo(total);
            }
        }
        assertThat(List.of(1, 2, 3).stream().map(i -> new Segment(i, 3).share(7)).toList()).containsExactly(3, 2, 2);
    }

    @Test
    void eachItemOfTheWholeTestBelongsToExactlyOneSegment() {
        for (long k = 0; k < 100; k++) {
            long owners = 0;
            for (int i = 1; i <= 7; i++) {
                owners += new Segment(i, 7).runs(k) ? 1 : 0;
            }
            assertThat(owners).as("item %d", k).isEqualTo(1);
        }
        assertThat(new Segment(3, 4).nth(0)).isEqualTo(2);
        assertThat(new Segment(3, 4).nth(5)).isEqualTo(22);
        assertThat(new Segment(3, 4).runs(22)).isTrue();
    }

    @Test
    void aSegmentRunsItsShareOfUsersStageTargetsPoolAndRate() {
        RunSettings whole = closed(150, 20, List.of(new Stage(Duration.ofMinutes(1), 150), new Stage(Duration.ofMinutes(3), 151),
                new Stage(Duration.ofSeconds(30), 0)));
        int users = 0;
        int pool = 0;
        int[] targets = new int[3];
        for (int i = 1; i <= 8; i++) {
            RunSettings share = new Segment(i, 8).of(whole);
            users += share.users();
            pool += share.poolSize();
            for (int s = 0; s < 3; s++) {
                targets[s] += share.stages().get(s).target();
                assertThat(share.stages().get(s).duration()).isEqualTo(whole.stages().get(s).duration());
            }
            assertThat(share.thinkTime()).isEqualTo(whole.thinkTime());
            assertThat(share.seed()).isEqualTo(42);
        }
        assertThat(users).isEqualTo(150);
        assertThat(pool).isEqualTo(20);
        assertThat(targets).containsExactly(150, 151, 0);
        RunSettings open = TestSettings.base().pattern("pk_lookup").ratePerSecond(500).maxUsers(100).build();
        assertThat(new Segment(2, 4).of(open).ratePerSecond()).isEqualTo(125);
        assertThat(new Segment(2, 4).of(open).maxUsers()).isEqualTo(25);
        assertThat(Segment.WHOLE.of(whole)).isSameAs(whole);
    }

    @Test
    void aSegmentWithoutAUserOrAConnectionIsRefused() {
        assertThatThrownBy(() -> new Segment(1, 3).of(closed(2, 20, List.of()))).isInstanceOf(UsageException.class)
                .hasMessage("--users 2 cannot be split into 3 segments: each segment needs a user at least; give --users 3 or more, "
                        + "or fewer segments");
        assertThatThrownBy(() -> new Segment(1, 3).of(closed(30, 2, List.of()))).isInstanceOf(UsageException.class)
                .hasMessageStartingWith("--pool-size 2 cannot be split into 3 segments").hasMessageEndingWith("give --pool-size 3 or more");
        assertThatThrownBy(() -> new Segment(1, 3).of(closed(30, 20, List.of(new Stage(Duration.ofSeconds(30), 2)))))
                .isInstanceOf(UsageException.class).hasMessageStartingWith("--stages reach 2 users at most, too few for 3 segments");
    }
}
