package io.dbsim.db;

/**
 * A column of a snapshotted table: its name, its type as format_type writes it, and its expression when it is
 * generated (such a column is computed again on load, so the snapshot holds no copy of it).
 */
public record TableColumn(String name, String type, String generated) {

    boolean copied() {
        return generated == null;
    }

    @Override
    public String toString() {
        return name + " " + type + (generated == null ? "" : " GENERATED (" + generated + ")");
    }
}
