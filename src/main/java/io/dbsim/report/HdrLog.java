package io.dbsim.report;

import io.dbsim.engine.IntervalLogRecorder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * The run's latencies as an HdrHistogram interval log: one tagged interval histogram per operation
 * and sample interval, values in microseconds, readable by HdrHistogram's HistogramLogProcessor
 * (-tag OPERATION, -outputValueUnitRatio 1000 for milliseconds) and HistogramLogAnalyzer.
 */
public final class HdrLog {

    private HdrLog() {
    }

    public static void write(List<IntervalLogRecorder.Interval> intervals, Instant startedAt, Path file) {
        AtomicFiles.write(file, "HdrHistogram log", tmp -> {
            try (PrintStream out = new PrintStream(Files.newOutputStream(tmp), false, StandardCharsets.UTF_8)) {
                HistogramLogWriter log = new HistogramLogWriter(out);
                long start = startedAt.toEpochMilli();
                log.outputComment("dbsim run: successful operation latencies in microseconds, tagged by operation");
                log.outputLogFormatVersion();
                log.outputStartTime(start);
                log.setBaseTime(start);
                log.outputLegend();
                for (IntervalLogRecorder.Interval interval : intervals) {
                    Histogram h = decode(interval.compressed());
                    h.setTag(interval.operation());
                    h.setStartTimeStamp(interval.startMillis());
                    h.setEndTimeStamp(interval.endMillis());
                    log.outputIntervalHistogram(h);
                }
                out.flush();
                if (out.checkError()) {
                    throw new IOException("writing failed (is the disk full?)");
                }
            }
        });
    }

    private static Histogram decode(byte[] compressed) throws IOException {
        try {
            return Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(compressed), 0);
        } catch (DataFormatException e) {
            throw new IOException("a recorded interval could not be decoded: " + e.getMessage(), e);
        }
    }
}
