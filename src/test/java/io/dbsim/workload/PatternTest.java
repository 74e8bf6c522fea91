package io.dbsim.workload;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PatternTest {

    @Test
    void aBlendedPopulationHasThePopulationsOperationSharesForEveryUser() {
        Pattern distributed = Patterns.builtIn().named("distributed");
        // 100 users allot the 50/20/25/5 population exactly, so its shares are the blend's.
        Map<String, Double> population = distributed.expectedShares(100);
        Pattern.OperationMix blend = distributed.blended();

        Map<String, Double> blended = blend.expectedShares(1);
        assertThat(blended.keySet()).isEqualTo(population.keySet());
        population.forEach((op, share) -> assertThat(blended.get(op)).as(op).isCloseTo(share, within(1e-9)));
        assertThat(blend.assign(3)).containsOnly(blend);
    }
}
