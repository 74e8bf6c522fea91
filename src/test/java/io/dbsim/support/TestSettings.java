package io.dbsim.support;

import io.dbsim.settings.PoolQueue;
import io.dbsim.settings.RunSettings;

import java.time.Duration;

/** Run settings for tests that build them without flags: a one-minute closed run of one user, to change what a test needs. */
public final class TestSettings {

    private TestSettings() {
    }

    public static RunSettings.Builder base() {
        return new RunSettings.Builder().pattern("read_heavy").users(1).duration(Duration.ofMinutes(1)).thinkTime(Duration.ZERO)
                .rampUp(Duration.ZERO).warmUp(Duration.ZERO).maxTries(1).seed(42).poolSize(8).poolMinIdle(8)
                .connectionTimeout(Duration.ofSeconds(30)).poolQueue(PoolQueue.FAIR).progressInterval(Duration.ofSeconds(5))
                .sampleInterval(Duration.ofSeconds(1));
    }
}
