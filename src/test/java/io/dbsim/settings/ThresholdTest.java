package io.dbsim.settings;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Thresholds in dbsim's words and in k6's, read to the same criteria. */
class ThresholdTest {

    @Test
    void k6PercentilesAveragesAndMediansMeanWhatDbsimsNamesMean() {
        Threshold k6 = Threshold.parse("p(95)<500");
        assertThat(k6.stat()).isEqualTo("p95");
        assertThat(k6.part()).isEqualTo("total");
        assertThat(k6.limit()).isEqualTo(500.0);
        assertThat(Threshold.parse("p(99.99)<2s").stat()).isEqualTo("p99.99");
        assertThat(Threshold.parse("p(99.99)<2s").limit()).isEqualTo(2000.0);
        assertThat(Threshold.parse("avg<200").stat()).isEqualTo("mean");
        assertThat(Threshold.parse("med<100").stat()).isEqualTo("p50");
        assertThat(Threshold.parse("search_members.p(90)<20").operation()).isEqualTo("search_members");
        assertThat(Threshold.parse("pool_wait.p(95)<50").part()).isEqualTo("pool_wait");
    }

    @Test
    void k6sRateIsTheErrorRateAsAFraction() {
        Threshold rate = Threshold.parse("rate<0.01");
        assertThat(rate.stat()).isEqualTo("error_rate");
        assertThat(rate.limit()).isEqualTo(1.0);
        assertThat(rate.passes(0.5)).isTrue();
        assertThat(rate.passes(1.5)).isFalse();
        assertThatThrownBy(() -> Threshold.parse("rate<5")).isInstanceOf(UsageException.class).hasMessageContaining("a fraction");
    }

    @Test
    void abortOnFailAndItsDelayFollowTheExpression() {
        Threshold t = Threshold.parse("error_rate<5%,abortOnFail,delayAbortEval=10s");
        assertThat(t.abortOnFail()).isTrue();
        assertThat(t.delayAbortEval()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.expression()).isEqualTo("error_rate<5%");
        assertThat(Threshold.parse("p95<1s").abortOnFail()).isFalse();
        assertThatThrownBy(() -> Threshold.parse("p95<1s,abortonfail")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown option 'abortonfail'");
    }

    @Test
    void dbsimsShortPercentilesAreTheNamedOnes() {
        assertThat(Threshold.parse("p99.9<5ms").stat()).isEqualTo("p99.9");
        assertThatThrownBy(() -> Threshold.parse("p42<100ms")).isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown metric").hasMessageContaining("p(N)");
    }

    @Test
    void outageThresholdsAreOfTheWholeRunInSecondsOrCounts() {
        Threshold recovery = Threshold.parse("recovery_time<5s");
        assertThat(recovery.onOutages()).isTrue();
        assertThat(recovery.limit()).isEqualTo(5.0);
        assertThat(recovery.unit()).isEqualTo("s");
        assertThat(Threshold.parse("recovery_time<1500ms").limit()).isEqualTo(1.5);
        assertThat(Threshold.parse("recovery_time<=2m").limit()).isEqualTo(120.0);
        assertThat(Threshold.parse("outage_failures<100").limit()).isEqualTo(100.0);
        assertThat(Threshold.parse("outages<1").passes(0)).isTrue();
        assertThat(Threshold.parse("outages<1").passes(1)).isFalse();
        assertThat(Threshold.parse("p95<1s").onOutages()).isFalse();
    }

    @Test
    void anOutageThresholdOnAnOperationOrWithAWrongUnitIsAUsageError() {
        assertThatThrownBy(() -> Threshold.parse("search_members.recovery_time<5s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("whole run's outages");
        assertThatThrownBy(() -> Threshold.parse("outage_failures<10%")).isInstanceOf(UsageException.class)
                .hasMessageContaining("is a count");
        assertThatThrownBy(() -> Threshold.parse("recovery_time<5/s")).isInstanceOf(UsageException.class)
                .hasMessageContaining("in s, ms or m");
        assertThatThrownBy(() -> Threshold.parse("pool_wait.recovery_time<5s")).isInstanceOf(UsageException.class);
    }
}
