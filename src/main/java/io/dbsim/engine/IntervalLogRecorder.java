package io.dbsim.engine;

import org.HdrHistogram.Histogram;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps every operation's interval histograms, compressed as HdrHistogram's log format stores them (a few
 * hundred bytes each, a few MB for an hour of one-second samples), for an HdrHistogram interval log.
 */
public final class IntervalLogRecorder implements RunListener {

    /** One operation's successful latencies over one sample interval, in microseconds, compressed. */
    public record Interval(String operation, long startMillis, long endMillis, byte[] compressed) {
    }

    private final List<Interval> intervals = new ArrayList<>();

    @Override
    public synchronized void interval(String operation, long startMillis, long endMillis, Histogram succeeded) {
        ByteBuffer buffer = ByteBuffer.allocate(succeeded.getNeededByteBufferCapacity());
        int length = succeeded.encodeIntoCompressedByteBuffer(buffer);
        intervals.add(new Interval(operation, startMillis, endMillis, Arrays.copyOf(buffer.array(), length)));
    }

    public synchronized List<Interval> intervals() {
        return List.copyOf(intervals);
    }
}
