package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The retry policy for connection loss: only for connection loss, N times, pauses doubling from 100 ms to 5 s, jittered. */
class ConnectionLossRetryTest {

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }

    @Test
    void onlyLostOrRefusedConnectionsAreRetriedAndOnlyAsOftenAsAsked() {
        ConnectionLossRetry retry = new ConnectionLossRetry(2);

        assertThat(retry.allows(ErrorClass.CONNECTION_LOST, 0)).isTrue();
        assertThat(retry.allows(ErrorClass.CONNECTION_REFUSED, 1)).isTrue();
        assertThat(retry.allows(ErrorClass.CONNECTION_LOST, 2)).isFalse();
        assertThat(retry.allows(ErrorClass.POOL_TIMEOUT, 0)).isFalse();
        assertThat(retry.allows(ErrorClass.DEADLOCK, 0)).isFalse();
        assertThat(new ConnectionLossRetry(0).allows(ErrorClass.CONNECTION_LOST, 0)).isFalse();
    }

    @Test
    void pausesDoubleFromAHundredMillisecondsUpToFiveSecondsEachBetweenHalfAndAllOfItsCeiling() {
        assertThat(ms(ConnectionLossRetry.pauseNanos(1, 0))).isEqualTo(50);
        assertThat(ms(ConnectionLossRetry.pauseNanos(1, 0.999999))).isEqualTo(99);
        assertThat(ms(ConnectionLossRetry.pauseNanos(2, 0))).isEqualTo(100);
        assertThat(ms(ConnectionLossRetry.pauseNanos(3, 0.5))).isEqualTo(300);
        assertThat(ms(ConnectionLossRetry.pauseNanos(6, 0))).isEqualTo(1600);
        assertThat(ms(ConnectionLossRetry.pauseNanos(7, 0))).isEqualTo(2500);
        assertThat(ms(ConnectionLossRetry.pauseNanos(100, 0.999999))).isEqualTo(4999);
    }
}
