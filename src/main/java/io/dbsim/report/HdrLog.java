package io.dbsim.report;

import io.dbsim.DbsimException;
import io.dbsim.metrics.RunMetrics;
import io.dbsim.workload.RunResult;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.DataFormatException;

/**
 * The run's latencies as an HdrHistogram interval log: one tagged interval histogram per operation
 * and sample interval, values in microseconds, readable by HdrHistogram's HistogramLogProcessor
 * (-tag OPERATION, -outputValueUnitRatio 1000 for milliseconds) and HistogramLogAnalyzer.
 */
public final class HdrLog {

    private HdrLog() {
    }

    public static void write(RunResult run, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".dbsim-", ".hlog.tmp");
            try {
                try (PrintStream out = new PrintStream(Files.newOutputStream(tmp), false, java.nio.charset.StandardCharsets.UTF_8)) {
                    HistogramLogWriter log = new HistogramLogWriter(out);
                    long start = run.startedAt().toEpochMilli();
                    log.outputComment("dbsim run: successful operation latencies in microseconds, tagged by operation");
                    log.outputLogFormatVersion();
                    log.outputStartTime(start);
                    log.setBaseTime(start);
                    log.outputLegend();
                    for (RunMetrics.IntervalLog interval : run.latencyIntervals()) {
                        Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(interval.compressed()), 0);
                        h.setTag(interval.operation());
                        h.setStartTimeStamp(interval.startMillis());
                        h.setEndTimeStamp(interval.endMillis());
                        log.outputIntervalHistogram(h);
                    }
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | DataFormatException e) {
            throw new DbsimException("cannot write the HdrHistogram log to " + file + ": " + e.getMessage(), e);
        }
    }
}
