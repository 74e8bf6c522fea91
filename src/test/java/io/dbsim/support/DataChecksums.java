package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The state a restore must bring back, as values to compare: the md5 of each table's rows in primary-key order
 * (whole-row order for a table without one), and each sequence's last value and is_called flag.
 */
public final class DataChecksums {

    private DataChecksums() {
    }

    /** Every ordinary table and sequence of the public schema. */
    public static Map<String, String> of(ConnectionInfo db) {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            Map<String, String> sums = new LinkedHashMap<>();
            for (String table : names(s, "SELECT quote_ident(relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                    + "AND relkind = 'r' ORDER BY relname")) {
                String order = single(s, "SELECT string_agg(quote_ident(a.attname), ', ' ORDER BY array_position(i.indkey, a.attnum)) "
                        + "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY (i.indkey) "
                        + "WHERE i.indrelid = 'public." + table.replace("'", "''") + "'::regclass AND i.indisprimary");
                sums.put(table, single(s, "SELECT md5(string_agg(t::text, E'\\n' ORDER BY " + (order == null ? "t::text" : order)
                        + ")) FROM public." + table + " t"));
            }
            for (String sequence : names(s, "SELECT quote_ident(relname) FROM pg_class WHERE relnamespace = 'public'::regnamespace "
                    + "AND relkind = 'S' ORDER BY relname")) {
                sums.put(sequence, single(s, "SELECT last_value || ' ' || is_called FROM public." + sequence));
            }
            return sums;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static long scalar(ConnectionInfo db, String sql) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Statement s, String sql) throws SQLException {
        List<String> names = new java.util.ArrayList<>();
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static String single(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
