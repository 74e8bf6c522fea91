package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.observe.ThreadStripes;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

import static org.assertj.core.api.Assertions.assertThat;

class OperationMetricsTest {

    @Test
    void latenciesAreStripedOnlyAsFarAsAnEighthOfTheHeapHoldsForAllOfTheRunsOperations() {
        long mb = 1024 * 1024;
        assertThat(LatencyRecorder.stripesFor(1, 6144 * mb)).isEqualTo(Math.min(4, ThreadStripes.COUNT));
        assertThat(LatencyRecorder.stripesFor(17, 6144 * mb)).isEqualTo(Math.min(4, ThreadStripes.COUNT));
        assertThat(LatencyRecorder.stripesFor(17, 256 * mb)).isEqualTo(1);
        assertThat(LatencyRecorder.stripesFor(10, 256 * mb)).isEqualTo(Math.min(2, ThreadStripes.COUNT));
        assertThat(LatencyRecorder.stripesFor(500, 256 * mb)).isEqualTo(1);
    }

    @Test
    void everyLatencyRecordedByManyThreadsWhileIntervalsAreSampledIsInExactlyOneInterval() throws Exception {
        OperationMetrics m = new OperationMetrics("op", 4);
        int threads = ThreadStripes.COUNT * 3;
        int each = 20_000;
        CountDownLatch done = new CountDownLatch(threads);
        List<Thread> writers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread.Builder builder = t % 2 == 0 ? Thread.ofPlatform() : Thread.ofVirtual();
            writers.add(builder.start(() -> {
                for (int i = 1; i <= each; i++) {
                    if (i % 100 == 0) {
                        m.failure(ErrorClass.SERIALIZATION_FAILURE, 7);
                    } else {
                        m.success(id, 2, 1000 + id);
                    }
                }
                done.countDown();
            }));
        }
        long succeeded = 0;
        long failed = 0;
        long sumOfTotals = 0;
        boolean last = false;
        while (!last) {
            last = done.getCount() == 0;
            OperationMetrics.Interval in = m.sample();
            succeeded += in.succeeded().getTotalCount();
            failed += in.failed();
            sumOfTotals += (long) Math.rint(in.succeeded().getMean() * in.succeeded().getTotalCount());
            Thread.sleep(1);
        }
        for (Thread w : writers) {
            w.join();
        }

        long successesEach = each - each / 100;
        assertThat(succeeded).isEqualTo(threads * successesEach);
        assertThat(failed).isEqualTo((long) threads * (each / 100));
        OperationMetrics.Summary s = m.summary();
        assertThat(s.succeeded()).isEqualTo(threads * successesEach);
        assertThat(s.failuresByClass()[ErrorClass.SERIALIZATION_FAILURE.ordinal()]).isEqualTo((long) threads * (each / 100));
        assertThat(s.poolWait().getMaxValue()).isEqualTo(threads - 1);
        assertThat(s.database().getMean()).isEqualTo(2.0);
        assertThat(s.total().getMinValue()).isEqualTo(1000);
        assertThat(s.total().getValueAtPercentile(100)).isEqualTo(s.total().highestEquivalentValue(1000 + threads - 1));
        long exact = 0;
        for (int id = 0; id < threads; id++) {
            exact += successesEach * (1000L + id);
        }
        assertThat(sumOfTotals).isEqualTo(exact);
    }
}
