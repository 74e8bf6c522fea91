package io.dbsim.db;

import java.time.Duration;
import java.util.Locale;

/** What taking a snapshot did: tables, rows and sequences it holds, the disk its copies take, and how long it took. */
public record SnapshotTaken(int tables, long rows, int sequences, long bytes, Duration elapsed) {

    public String summary() {
        return String.format(Locale.ROOT, "snapshot taken: %d tables, %,d rows, %d sequences, %s on disk, in %.1f s",
                tables, rows, sequences, megabytes(bytes), elapsed.toMillis() / 1000.0);
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
}
