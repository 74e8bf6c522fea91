package io.dbsim.seed;

import java.time.Duration;
import java.util.Map;

/** What a seed produced: rows per table and how long loading and the index rebuild took. */
public record SeedResult(SeedProfile profile, long seed, Map<String, Long> rows, Duration copyTime, Duration total) {

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows per second over the whole seed, index rebuild and ANALYZE included, as pgbench -i counts. */
    public double rowsPerSecond() {
        return totalRows() / Math.max(1e-9, total.toNanos() / 1e9);
    }
}
