package io.dbsim.observe;

import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadStripesTest {

    @Test
    void stripesAreTwiceTheCoresRoundedUpToAPowerOfTwoAndAtMostSixteen() {
        assertThat(ThreadStripes.count(1)).isEqualTo(2);
        assertThat(ThreadStripes.count(2)).isEqualTo(4);
        assertThat(ThreadStripes.count(3)).isEqualTo(8);
        assertThat(ThreadStripes.count(4)).isEqualTo(8);
        assertThat(ThreadStripes.count(64)).isEqualTo(16);
    }

    @Test
    void threadsMadeOneAfterAnotherMostlyWriteToDifferentStripes() throws Exception {
        Set<Integer> used = new HashSet<>();
        for (int t = 0; t < ThreadStripes.COUNT; t++) {
            int[] stripe = new int[1];
            Thread thread = Thread.ofPlatform().start(() -> stripe[0] = ThreadStripes.current());
            thread.join();
            assertThat(stripe[0]).isBetween(0, ThreadStripes.COUNT - 1);
            used.add(stripe[0]);
        }
        assertThat(used.size()).isGreaterThanOrEqualTo(ThreadStripes.COUNT * 3 / 4);
    }
}
