package io.dbsim.experiment;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HostLimitsTest {

    private static final long MB = 1024 * 1024;

    @Test
    void theHeapBoundsTheUsers() {
        // 512 MB × 0.85 = 435.2 MB, less 64 MB of the JVM's own: 371.2 MB, over 24 KB a user: 15,837 users.
        HostLimits limits = new HostLimits(512 * MB, 20_000, 100, 96_000, 40);

        assertThat(limits.largestUsers()).isEqualTo(15_837);
        assertThat(limits.refusal(15_837, 8)).isEmpty();
        assertThat(limits.refusal(20_000, 8)).get().asString().startsWith("20,000 users need about 532 MB of heap and this JVM "
                + "has 512 MB (-Xmx): it carries about 15,837; give DBSIM_JAVA_OPTS=-Xmx627m");
    }

    @Test
    void theOpenFilesLimitBoundsThePool() {
        HostLimits limits = new HostLimits(4096 * MB, 1024, 900, 96_000, 40);

        assertThat(limits.refusal(100, 60)).isEmpty();
        assertThat(limits.refusal(100, 61)).get().asString().contains("a pool of 61 needs 125 file descriptors")
                .contains("leaves 124 (ulimit -n 1,024)");
    }

    @Test
    void theThreadLimitBoundsThePool() {
        HostLimits limits = new HostLimits(4096 * MB, 1_000_000, 10, 200, 100);

        assertThat(limits.refusal(100, 36)).isEmpty();
        assertThat(limits.refusal(100, 37)).get().asString().contains("a pool of 37 needs about 101 threads")
                .contains("leaves 100");
    }
}
