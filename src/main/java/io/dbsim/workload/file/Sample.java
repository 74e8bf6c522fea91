package io.dbsim.workload.file;

/**
 * Values of a column read from the database when the run starts, so that parameters name rows that exist: up to
 * {@code limit} non-null values of {@code table.column}, a random sample of the table that repeats for the same
 * seed and data.
 *
 * @param where the file and line that asked for it, as messages name it
 */
public record Sample(String table, String column, int limit, String where) {

    /** Two parameters sampling the same column share one read of it. */
    String key() {
        return table + "." + column + "#" + limit;
    }
}
