package io.dbsim.seed;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The keys, indexes and foreign keys of the domain tables, found in the catalog so that a bulk
 * load can drop them and build them once afterwards, as a DBA loads a large table. Foreign keys
 * come back NOT VALID and are then validated, because validation takes locks that let all keys
 * be checked at once, where a plain ADD CONSTRAINT would check them one after another.
 * Whatever the schema holds (including candidate indexes a user applied) is kept.
 */
record DeferredDdl(List<String> drop, Map<String, List<String>> indexesByTable, List<String> addForeignKeys,
                   List<String> validateForeignKeys) {

    private static final String TABLES = "('" + String.join("', '", DomainTables.ALL) + "')";

    static DeferredDdl discover(Connection c) throws SQLException {
        List<String> dropForeignKeys = new ArrayList<>();
        List<String> dropOthers = new ArrayList<>();
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> validations = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT con.contype, rel.relname, con.conname, pg_get_constraintdef(con.oid) "
                     + "FROM pg_constraint con JOIN pg_class rel ON rel.oid = con.conrelid "
                     + "JOIN pg_namespace n ON n.oid = rel.relnamespace AND n.nspname = current_schema() "
                     + "WHERE con.contype IN ('f', 'u', 'p') AND rel.relname IN " + TABLES
                     + " ORDER BY con.contype, rel.relname, con.conname")) {
            while (rs.next()) {
                boolean foreignKey = "f".equals(rs.getString(1));
                String add = "ALTER TABLE " + rs.getString(2) + " ADD CONSTRAINT " + rs.getString(3) + " " + rs.getString(4);
                if (foreignKey) {
                    foreignKeys.add(add + " NOT VALID");
                    validations.add("ALTER TABLE " + rs.getString(2) + " VALIDATE CONSTRAINT " + rs.getString(3));
                } else {
                    indexes.computeIfAbsent(rs.getString(2), t -> new ArrayList<>()).add(add);
                }
                (foreignKey ? dropForeignKeys : dropOthers).add(
                        "ALTER TABLE " + rs.getString(2) + " DROP CONSTRAINT " + rs.getString(3));
            }
        }
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT i.relname, pg_get_indexdef(ix.indexrelid), t.relname FROM pg_index ix "
                     + "JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
                     + "JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema() "
                     + "WHERE t.relname IN " + TABLES + " "
                     + "AND NOT EXISTS (SELECT 1 FROM pg_constraint con WHERE con.conindid = ix.indexrelid) "
                     + "ORDER BY i.relname")) {
            while (rs.next()) {
                dropOthers.add("DROP INDEX " + rs.getString(1));
                indexes.computeIfAbsent(rs.getString(3), t -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        // Foreign keys go first: a key cannot be dropped while a foreign key needs it.
        List<String> drop = new ArrayList<>(dropForeignKeys);
        drop.addAll(dropOthers);
        return new DeferredDdl(drop, indexes, foreignKeys, validations);
    }

    /** Everything that rebuilds what drop() removes, in an order that can run one by one. */
    List<String> indexesOf(String table) {
        return indexesByTable.getOrDefault(table, List.of());
    }

    List<String> restoreAll() {
        List<String> all = new ArrayList<>();
        indexesByTable.values().forEach(all::addAll);
        all.addAll(addForeignKeys);
        all.addAll(validateForeignKeys);
        return all;
    }
}
