package io.dbsim.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The secondary indexes, unique constraints and foreign keys of the domain tables, found in the
 * catalog so that a bulk load can drop them and rebuild them once afterwards, as a DBA loads a
 * large table. Whatever the schema holds (including candidate indexes a user applied) is kept.
 */
record DeferredDdl(List<String> drop, List<String> restoreIndexes, List<String> restoreForeignKeys) {

    private static final String TABLES = "('" + String.join("', '", DomainTables.ALL) + "')";

    static DeferredDdl discover(Connection c) throws SQLException {
        List<String> dropForeignKeys = new ArrayList<>();
        List<String> dropOthers = new ArrayList<>();
        List<String> indexes = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT con.contype, rel.relname, con.conname, pg_get_constraintdef(con.oid) "
                     + "FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
                     + "JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = current_schema() "
                     + "WHERE con.contype IN ('f', 'u') AND rel.relname IN " + TABLES
                     + " ORDER BY con.contype, rel.relname, con.conname")) {
            while (rs.next()) {
                boolean foreignKey = "f".equals(rs.getString(1));
                (foreignKey ? foreignKeys : indexes).add(
                        "ALTER TABLE " + rs.getString(2) + " ADD CONSTRAINT " + rs.getString(3) + " " + rs.getString(4));
                (foreignKey ? dropForeignKeys : dropOthers).add(
                        "ALTER TABLE " + rs.getString(2) + " DROP CONSTRAINT " + rs.getString(3));
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.relname, pg_get_indexdef(ix.indexrelid) FROM pg_index ix "
                     + "JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
                     + "JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema() "
                     + "WHERE t.relname IN " + TABLES + " AND NOT ix.indisprimary "
                     + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid) "
                     + "ORDER BY i.relname")) {
            while (rs.next()) {
                dropOthers.add("DROP INDEX " + rs.getString(1));
                indexes.add(rs.getString(2));
            }
        }
        // Foreign keys go first: a unique constraint cannot be dropped while a foreign key needs it.
        List<String> drop = new ArrayList<>(dropForeignKeys);
        drop.addAll(dropOthers);
        return new DeferredDdl(drop, indexes, foreignKeys);
    }

    List<String> restoreAll() {
        List<String> all = new ArrayList<>(restoreIndexes);
        all.addAll(restoreForeignKeys);
        return all;
    }

    static boolean isForeignKey(String restoreStatement) {
        return restoreStatement.contains(" FOREIGN KEY ");
    }
}
