package io.dbsim.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which runs compare refuses to put side by side, and which differences it only lists. */
class ComparabilityTest {

    @Test
    void runsOfDifferentUsersOrDataVolumeAreRefusedWhilePoolAndSettingsChangesAreListed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode a = json.readTree("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 20, "stages": [], "pool_size": 10},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "4MB"},
                   "tables": [{"table": "members", "rows": 5000}]}}""");
        JsonNode sameButTuned = json.readTree("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 20, "stages": [], "pool_size": 40},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "64MB"},
                   "tables": [{"table": "members", "rows": 5400}]}}""");
        JsonNode other = json.readTree("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 200, "stages": [], "pool_size": 10},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "4MB"},
                   "tables": [{"table": "members", "rows": 300000}]}}""");

        Comparability tuned = Comparability.of(a, sameButTuned);
        assertThat(tuned.refusals()).isEmpty();
        assertThat(tuned.differences()).containsExactly("pool_size 10 -> 40", "setting work_mem 4MB -> 64MB");

        assertThat(Comparability.of(a, other).refusals())
                .containsExactly("users 20 -> 200", "data volume: members 5,000 -> 300,000 rows");
    }
}
