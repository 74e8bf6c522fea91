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
        out.printf(Locale.ROOT, "time: %.1f s (COPY %.1f s, then indexes, keys and VACUUM ANALYZE): %,.0f rows/s%n",
                result.total().toMillis() / 1000.0, result.copyTime().toMillis() / 1000.0, result.rowsPerSecond());
        out.flush();
    }
}
