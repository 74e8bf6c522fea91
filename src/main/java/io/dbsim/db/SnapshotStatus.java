package io.dbsim.db;

import java.time.OffsetDateTime;
import java.util.List;

/** A snapshot as {@code dbsim snapshot status} shows it: when and from what, and each table's state now. */
public record SnapshotStatus(OffsetDateTime takenAt, String origin, SchemaHistory history, List<TableState> tables,
                             int sequences, long bytes) {

    /** A table of the snapshot, its rows then, and whether a restore would reload it. */
    public record TableState(TableName table, long rows, State state) {
    }

    public enum State {
        /** Holds exactly the snapshot's rows: a restore leaves it. */
        UNCHANGED,
        /** Written since, or not provably unchanged: a restore reloads it. */
        CHANGED,
        /** No longer exists: a restore refuses. */
        MISSING
    }

    public SnapshotStatus {
        tables = List.copyOf(tables);
    }

    public long rows() {
        return tables.stream().mapToLong(TableState::rows).sum();
    }

    public String diskSize() {
        return SnapshotTaken.megabytes(bytes);
    }
}
