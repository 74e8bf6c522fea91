package io.dbsim.db;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a restore did: the tables it reloaded (with their rows and time), those it left because they were unchanged
 * since the snapshot, the sequences it set back, where the time went, and anything the user should know.
 */
public record RestoreResult(List<TableLoad> restored, List<TableName> unchanged, int sequences, Phases phases,
                            List<String> notes) {

    /** One reloaded table. */
    public record TableLoad(TableName table, long rows, Duration time) {
    }

    /** Load the rows; build indexes and keys and switch triggers back; ANALYZE; VACUUM after commit; the whole restore. */
    public record Phases(Duration load, Duration rebuild, Duration analyze, Duration vacuum, Duration total) {
    }

    public RestoreResult {
        restored = List.copyOf(restored);
        unchanged = List.copyOf(unchanged);
        notes = List.copyOf(notes);
    }

    public long rows() {
        return restored.stream().mapToLong(TableLoad::rows).sum();
    }

    public String summary() {
        int tables = restored.size() + unchanged.size();
        String what = restored.isEmpty()
                ? String.format(Locale.ROOT,
                        "snapshot restored: all %d tables were unchanged since the snapshot; %d sequences set back", tables, sequences)
                : String.format(Locale.ROOT, "snapshot restored: %d of %d tables (%,d rows) and %d sequences", restored.size(),
                        tables, rows(), sequences);
        String time = restored.isEmpty()
                ? String.format(Locale.ROOT, " in %.1f s", seconds(phases.total()))
                : String.format(Locale.ROOT, " in %.1f s (rows %.1f s, indexes and keys %.1f s, ANALYZE %.1f s, VACUUM %.1f s)",
                        seconds(phases.total()), seconds(phases.load()), seconds(phases.rebuild()), seconds(phases.analyze()),
                        seconds(phases.vacuum()));
        String left = restored.isEmpty() || unchanged.isEmpty() ? ""
                : "; unchanged: " + unchanged.stream().map(TableName::toString).collect(Collectors.joining(", "));
        return what + time + left;
    }

    private static double seconds(Duration d) {
        return d.toMillis() / 1000.0;
    }
}
