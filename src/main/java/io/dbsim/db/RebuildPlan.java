package io.dbsim.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * How a table owner's restore loads fast: foreign keys, indexes, and primary key, unique and exclusion constraints
 * are dropped inside the restore's transaction and built again, from the catalog's own definitions, once the rows
 * are in; user triggers are switched off for the load and back to their states after it. Checking each foreign key
 * once with a join and building each index with a sort is what a DBA does for a bulk load: refilling the medium
 * seed's tables with INSERT ... SELECT took 17 s with every index and key in place, 5.3 s dropping and rebuilding all
 * but the primary keys; COPY into member_employments took 1.5 s with its primary key, 1.0 s building it after.
 *
 * <p>Left in place (maintained row by row, which is only slower) is whatever the definitions alone would not
 * recreate exactly: invalid indexes, the CLUSTER and replica identity indexes, indexes with their own statistics
 * targets, partitions' indexes attached to a parent's, and keys a view depends on (GROUP BY a primary key).
 */
record RebuildPlan(List<Step> before, List<Step> after) {

    /** One statement, and the table it works on, for the message if it fails. */
    record Step(TableName table, String sql) {
    }

    static RebuildPlan discover(Connection c, Collection<TableName> tables) throws SQLException {
        java.sql.Array names = TableCatalog.names(c, tables);
        List<Step> dropKeys = new ArrayList<>();
        List<Step> addKeys = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT cn.nspname, ch.relname, con.conname, pg_get_constraintdef(con.oid), "
                + "quote_literal(obj_description(con.oid, 'pg_constraint')) FROM pg_constraint con "
                + "JOIN pg_class ch ON ch.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = ch.relnamespace "
                + "WHERE con.contype = 'f' AND con.conparentid = 0 AND (con.conrelid IN (SELECT unnest(?::text[])::regclass) "
                + "OR con.confrelid IN (SELECT unnest(?::text[])::regclass)) ORDER BY 1, 2, 3")) {
            ps.setArray(1, names);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName table = new TableName(rs.getString(1), rs.getString(2));
                    String constraint = TableName.quote(rs.getString(3));
                    dropKeys.add(new Step(table, "ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + constraint));
                    addKeys.add(new Step(table, "ALTER TABLE " + table.sql() + " ADD CONSTRAINT " + constraint + " "
                            + rs.getString(4)));
                    if (rs.getString(5) != null) {
                        addKeys.add(new Step(table, "COMMENT ON CONSTRAINT " + constraint + " ON " + table.sql() + " IS "
                                + rs.getString(5)));
                    }
                }
            }
        }
        List<Step> dropIndexes = new ArrayList<>();
        List<Step> addIndexes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, t.relname, i.relname, con.conname, "
                + "COALESCE(pg_get_constraintdef(con.oid), pg_get_indexdef(ix.indexrelid)), "
                + "quote_literal(COALESCE(obj_description(con.oid, 'pg_constraint'), obj_description(ix.indexrelid, 'pg_class'))) "
                + "FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid "
                + "JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "LEFT JOIN pg_constraint con ON con.conindid = ix.indexrelid AND con.conrelid = ix.indrelid "
                + "AND con.contype IN ('p', 'u', 'x') "
                + "WHERE ix.indrelid IN (SELECT unnest(?::text[])::regclass) AND ix.indisvalid "
                + "AND NOT ix.indisclustered AND NOT ix.indisreplident "
                + "AND NOT EXISTS (SELECT 1 FROM pg_inherits h WHERE h.inhrelid = ix.indexrelid) "
                + "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.refclassid = 'pg_constraint'::regclass "
                + "AND d.refobjid = con.oid AND d.classid = 'pg_rewrite'::regclass) "
                + "AND NOT EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = ix.indexrelid "
                + "AND COALESCE(a.attstattarget, -1) >= 0) "
                + "ORDER BY 1, 2, 3")) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName table = new TableName(rs.getString(1), rs.getString(2));
                    String comment = rs.getString(6);
                    if (rs.getString(4) != null) {
                        String constraint = TableName.quote(rs.getString(4));
                        dropIndexes.add(new Step(table, "ALTER TABLE " + table.sql() + " DROP CONSTRAINT " + constraint));
                        addIndexes.add(new Step(table, "ALTER TABLE " + table.sql() + " ADD CONSTRAINT " + constraint + " "
                                + rs.getString(5)));
                        if (comment != null) {
                            addIndexes.add(new Step(table, "COMMENT ON CONSTRAINT " + constraint + " ON " + table.sql()
                                    + " IS " + comment));
                        }
                    } else {
                        TableName index = new TableName(table.schema(), rs.getString(3));
                        dropIndexes.add(new Step(table, "DROP INDEX " + index.sql()));
                        addIndexes.add(new Step(table, rs.getString(5)));
                        if (comment != null) {
                            addIndexes.add(new Step(table, "COMMENT ON INDEX " + index.sql() + " IS " + comment));
                        }
                    }
                }
            }
        }
        List<Step> before = new ArrayList<>();
        List<Step> after = new ArrayList<>();
        triggers(c, names, before, after);
        // A key goes before the unique index it references; the indexes come back before the keys that need them.
        before.addAll(dropKeys);
        before.addAll(dropIndexes);
        after.addAll(0, addKeys);
        after.addAll(0, addIndexes);
        return new RebuildPlan(List.copyOf(before), List.copyOf(after));
    }

    /** User triggers must not fire on restored rows (an audit trigger would record the restore as changes). */
    private static void triggers(Connection c, java.sql.Array names, List<Step> before, List<Step> after) throws SQLException {
        Set<TableName> withTriggers = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, t.relname, tg.tgname, tg.tgenabled FROM pg_trigger tg "
                + "JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE NOT tg.tgisinternal AND tg.tgrelid IN (SELECT unnest(?::text[])::regclass) ORDER BY 1, 2, 3")) {
            ps.setArray(1, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableName table = new TableName(rs.getString(1), rs.getString(2));
                    withTriggers.add(table);
                    String mode = switch (rs.getString(4)) {
                        case "O" -> "ENABLE TRIGGER ";
                        case "R" -> "ENABLE REPLICA TRIGGER ";
                        case "A" -> "ENABLE ALWAYS TRIGGER ";
                        default -> null;
                    };
                    if (mode != null) {
                        after.add(new Step(table, "ALTER TABLE " + table.sql() + " " + mode + TableName.quote(rs.getString(3))));
                    }
                }
            }
        }
        withTriggers.forEach(t -> before.add(new Step(t, "ALTER TABLE " + t.sql() + " DISABLE TRIGGER USER")));
    }
}
