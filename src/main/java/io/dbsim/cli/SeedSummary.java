package io.dbsim.cli;

import io.dbsim.seed.SeedResult;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;

/** The seed's closing lines: rows per table, time, rate. */
final class SeedSummary {

    private SeedSummary() {
    }

    static void print(PrintWriter out, SeedResult result) {
        out.printf(Locale.ROOT, "%nseeded profile %s with seed %d%n", result.profile().name(), result.seed());
        out.printf(Locale.ROOT, "  %-24s %12s%n", "table", "rows");
        for (Map.Entry<String, Long> e : result.rows().entrySet()) {
            out.printf(Locale.ROOT, "  %-24s %,12d%n", e.getKey(), e.getValue());
        }
        out.printf(Locale.ROOT, "  %-24s %,12d%n", "total", result.totalRows());
        SeedResult.Phases p = result.phases();
        out.printf(Locale.ROOT, "time: %.1f s (prepare %.1f s, COPY with indexes and ANALYZE %.1f s, foreign keys %.1f s): "
                + "%,.0f rows/s%n", seconds(result.total()), seconds(p.prepare()), seconds(p.load()), seconds(p.foreignKeys()),
                result.rowsPerSecond());
        out.flush();
    }

    private static double seconds(java.time.Duration d) {
        return d.toMillis() / 1000.0;
    }
}
