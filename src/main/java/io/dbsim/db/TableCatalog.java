package io.dbsim.db;

import io.dbsim.UsageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the catalog says about the tables a snapshot holds: which they are, and their columns. */
final class TableCatalog {

    /** dbsim's own records, which describe the data rather than being part of it. */
    static final List<String> BOOKKEEPING = List.of("dbsim_seed_state", "flyway_schema_history");

    private TableCatalog() {
    }

    static List<TableName> resolve(Connection c, TableChoice choice) throws SQLException {
        if (!choice.explicit()) {
            return defaults(c);
        }
        List<TableName> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, cl.relname, cl.relkind FROM pg_class cl "
                + "JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE cl.oid = to_regclass(?)")) {
            for (String name : choice.names()) {
                ps.setString(1, name);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new UsageException("no table " + name + " in the database (search_path schemas): "
                                + "check the name in --tables, or qualify it with its schema");
                    }
                    if (!"r".equals(rs.getString(3))) {
                        throw new UsageException(name + " is not an ordinary table (relkind " + rs.getString(3)
                                + "): --tables takes tables; for a partitioned table name its partitions");
                    }
                    if (DataSnapshot.SCHEMA.equals(rs.getString(1))) {
                        throw new UsageException(name + " belongs to the snapshot itself: name the data's tables");
                    }
                    tables.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** Ordinary tables of the search_path schemas, without dbsim's bookkeeping and the snapshot's own schema. */
    static List<TableName> defaults(Connection c) throws SQLException {
        List<TableName> tables = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, cl.relname FROM pg_class cl "
                + "JOIN pg_namespace n ON n.oid = cl.relnamespace "
                + "WHERE cl.relkind = 'r' AND n.nspname = ANY (current_schemas(false)) AND n.nspname <> ? "
                + "AND NOT cl.relname = ANY (?) ORDER BY n.nspname, cl.relname")) {
            ps.setString(1, DataSnapshot.SCHEMA);
            ps.setArray(2, c.createArrayOf("text", BOOKKEEPING.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    tables.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return tables;
    }

    /** The table's columns in their order, or empty when the table no longer exists. */
    static Optional<List<TableColumn>> columns(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT a.attname, format_type(a.atttypid, a.atttypmod), "
                + "CASE WHEN a.attgenerated <> '' THEN pg_get_expr(d.adbin, d.adrelid) END "
                + "FROM pg_attribute a LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum "
                + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum")) {
            ps.setString(1, table.sql());
            List<TableColumn> columns = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new TableColumn(rs.getString(1), rs.getString(2), rs.getString(3)));
                }
            }
            return columns.isEmpty() && !exists(c, table) ? Optional.empty() : Optional.of(columns);
        }
    }

    static boolean exists(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** A text[] of the tables' quoted names, for catalog queries that turn them into regclass. */
    static java.sql.Array names(Connection c, java.util.Collection<TableName> tables) throws SQLException {
        return c.createArrayOf("text", tables.stream().map(TableName::sql).toArray());
    }

    /** Whether the current role owns the relation (directly or through a role it belongs to), as ALTER needs. */
    static boolean owned(Connection c, TableName relation) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_has_role(relowner, 'USAGE') FROM pg_class WHERE oid = to_regclass(?)")) {
            ps.setString(1, relation.sql());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    /** "table.trigger" for each enabled user trigger on the tables: they would fire on every restored row. */
    static List<String> enabledUserTriggers(Connection c, java.util.Collection<TableName> tables) throws SQLException {
        List<String> triggers = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, t.relname, tg.tgname FROM pg_trigger tg "
                + "JOIN pg_class t ON t.oid = tg.tgrelid JOIN pg_namespace n ON n.oid = t.relnamespace "
                + "WHERE NOT tg.tgisinternal AND tg.tgenabled <> 'D' AND tg.tgrelid IN (SELECT unnest(?::text[])::regclass) "
                + "ORDER BY 1, 2, 3")) {
            ps.setArray(1, names(c, tables));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    triggers.add(new TableName(rs.getString(1), rs.getString(2)) + "." + rs.getString(3));
                }
            }
        }
        return triggers;
    }
}
