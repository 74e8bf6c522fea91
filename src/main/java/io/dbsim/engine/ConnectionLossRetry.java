package io.dbsim.engine;

import io.dbsim.db.ErrorClass;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An application's retry policy for connection loss, off unless asked for (--retry-connection-loss N), so losses
 * stay visible: an operation whose connection broke, or for which the pool could open none, is tried again up to N
 * times. Before retry k it pauses for a time drawn between half and all of min(5 s, 100 ms x 2^(k-1)) ("equal
 * jitter"): exponential, so a server that is down is not hammered, capped, so a short restart costs little, and
 * jittered, so the users who lost their connections together do not all come back at the same instant.
 */
final class ConnectionLossRetry {

    static final Duration FIRST_PAUSE = Duration.ofMillis(100);
    static final Duration MAX_PAUSE = Duration.ofSeconds(5);

    private final int retries;

    ConnectionLossRetry(int retries) {
        this.retries = retries;
    }

    /** Whether an operation that failed with {@code error}, after {@code retried} retries for connection loss, goes again. */
    boolean allows(ErrorClass error, int retried) {
        return error.connectionLoss() && retried < retries;
    }

    /** Waits before retry number {@code retry} (from 1). */
    void pause(int retry) throws InterruptedException {
        Thread.sleep(Duration.ofNanos(pauseNanos(retry, ThreadLocalRandom.current().nextDouble())));
    }

    /** The pause before retry number {@code retry} (from 1) for a uniform draw {@code u} in [0, 1). */
    static long pauseNanos(int retry, double u) {
        long ceiling = Math.min(MAX_PAUSE.toNanos(), FIRST_PAUSE.toNanos() << Math.min(retry - 1, 20));
        return ceiling / 2 + (long) (u * (ceiling / 2));
    }
}
