package io.dbsim.analysis.compare;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dbsim.analysis.RunReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which runs compare refuses to put side by side, and which differences it only lists. */
class ComparabilityTest {

    @Test
    void runsOfDifferentUsersOrDataVolumeAreRefusedWhilePoolAndSettingsChangesAreListed() throws Exception {
        ObjectMapper json = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
        RunReport a = json.readValue("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 20, "stages": [], "pool_size": 10},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "4MB"},
                   "tables": [{"table": "members", "rows": 5000}]}}""", RunReport.class);
        RunReport sameButTuned = json.readValue("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 20, "stages": [], "pool_size": 40},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "64MB"},
                   "tables": [{"table": "members", "rows": 5400}]}}""", RunReport.class);
        RunReport other = json.readValue("""
                {"config": {"pattern": "mixed", "model": "closed", "users": 200, "stages": [], "pool_size": 10},
                 "database": {"server_version": "17.2", "settings": {"work_mem": "4MB"},
                   "tables": [{"table": "members", "rows": 300000}]}}""", RunReport.class);

        Comparability tuned = Comparability.of(a, sameButTuned);
        assertThat(tuned.refusals()).isEmpty();
        assertThat(tuned.differences()).containsExactly("pool_size 10 -> 40", "setting work_mem 4MB -> 64MB");

        assertThat(Comparability.of(a, other).refusals())
                .containsExactly("users 20 -> 200", "data volume: members 5,000 -> 300,000 rows");
    }
}
