package io.dbsim.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.dbsim.UsageException;
import io.dbsim.analysis.capacity.PacedStep;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.settings.Durations;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The sweep's JSON file (reports/README.md) and its table on the console. */
public final class SweepFile {

    private static final ObjectMapper JSON = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private SweepFile() {
    }

    public static void write(Sweep sweep, Path file) {
        AtomicFiles.write(file, "sweep", tmp -> JSON.writeValue(tmp.toFile(), sweep));
    }

    public static Sweep read(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new UsageException("sweep file " + file + " does not exist: write one with 'dbsim sweep ... --json " + file + "'");
        }
        Sweep sweep;
        try {
            sweep = JSON.readValue(file.toFile(), Sweep.class);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + " as a dbsim sweep: " + e.getMessage().lines().findFirst().orElse(""));
        }
        if (!"dbsim".equals(sweep.tool()) || sweep.steps() == null) {
            throw new UsageException(file + " is not a dbsim sweep file (write one with 'dbsim sweep --json FILE')");
        }
        if (sweep.schemaVersion() > Sweep.SCHEMA_VERSION) {
            throw new UsageException(file + " has sweep schema_version " + sweep.schemaVersion() + "; this dbsim reads up to "
                    + Sweep.SCHEMA_VERSION + ": use a newer dbsim");
        }
        return sweep;
    }

    public static void printStep(PrintWriter out, String label, SweepStep s) {
        out.printf(Locale.ROOT, "%s  %d user%s, pool %d: %,.1f ops/s, mean %.1f ms, p95 %.1f ms, pool wait %.1f ms, "
                        + "%.1f busy connections%s%n", label, s.users(), s.users() == 1 ? "" : "s", s.poolSize(), s.throughput(), s.meanMs(), s.p95Ms(),
                s.poolWaitMeanMs(), s.busyLittle(), s.interrupted() ? " (interrupted: left out of the fit)" : "");
        out.flush();
    }

    public static void printTable(PrintWriter out, Sweep sweep) {
        out.println();
        out.printf(Locale.ROOT, "sweep of %s (pattern %s, think time %s, %s s per step after %s s warm-up)%s%n", sweep.varied(),
                sweep.pattern(), ms(sweep.thinkTimeMs()),
                fmt(sweep.stepDurationS()), fmt(sweep.warmUpS()), sweep.interrupted() ? " (interrupted)" : "");
        out.println("  users  pool      ops/s  spread   mean ms    p95 ms    p99 ms   wait ms  busy (Little)  busy (pool)  errors  sim CPU");
        for (SweepStep s : sweep.steps()) {
            out.printf(Locale.ROOT, "  %5d %5d %10.1f %6.0f%% %9.2f %9.2f %9.2f %9.2f %14.2f %12.2f %6.2f%% %7.0f%%%n", s.users(),
                    s.poolSize(), s.throughput(), s.spreadPct(), s.meanMs(), s.p95Ms(), s.p99Ms(), s.poolWaitMeanMs(), s.busyLittle(),
                    s.busySampled(), s.errorRatePct(), s.simulatorCpuPct());
        }
        for (PacedStep p : sweep.paced()) {
            SweepStep s = p.measured();
            out.printf(Locale.ROOT, "  paced: %d users thinking %s asked for %.0f%% of the peak: %,.1f ops/s, mean %.2f ms, p95 %.2f ms, "
                            + "hold %.2f ms, %.2f busy connections%s%n", s.users(),
                    ms(p.thinkTimeMs()), 100 * p.peakShare(), s.throughput(),
                    s.meanMs(), s.p95Ms(), s.holdMeanMs(), s.busyLittle(), s.interrupted() ? " (interrupted: left out)" : "");
        }
        int rounds = sweep.steps().stream().mapToInt(SweepStep::rounds).max().orElse(1);
        if (rounds > 1) {
            out.printf(Locale.ROOT, "  each step is the median of %d rounds; spread = (highest - lowest) / median throughput%n", rounds);
        }
        out.flush();
    }

    private static String ms(double millis) {
        return Durations.format(Duration.ofNanos((long) (millis * 1e6)));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
