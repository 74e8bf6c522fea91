package io.dbsim.seed;

import java.time.Duration;
import java.util.Map;

/** What a seed produced: rows per table and how long loading and building indexes and keys took. */
public record SeedResult(SeedProfile profile, long seed, Map<String, Long> rows, Phases phases, Duration total) {

    /** Where the time went: emptying and dropping; COPY with each table's indexes and ANALYZE; foreign keys. */
    public record Phases(Duration prepare, Duration load, Duration foreignKeys) {
    }

    public long totalRows() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }

    /** Rows per second over the whole seed, index build and ANALYZE included, as pgbench -i counts. */
    public double rowsPerSecond() {
        return totalRows() / Math.max(1e-9, total.toNanos() / 1e9);
    }
}
