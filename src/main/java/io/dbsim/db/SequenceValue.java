package io.dbsim.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Where a sequence stood, so that after a restore the next ids are the ones the snapshot's data would get. */
record SequenceValue(TableName sequence, long lastValue, boolean called) {

    /** The sequences the tables' columns own (serial, identity) or draw their defaults from. */
    static List<TableName> usedBy(Connection c, Collection<TableName> tables) throws SQLException {
        List<TableName> sequences = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT n.nspname, s.relname FROM pg_depend d "
                + "JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S' JOIN pg_namespace n ON n.oid = s.relnamespace "
                + "WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i') "
                + "AND d.refobjid IN (SELECT unnest(?::text[])::regclass) "
                + "UNION SELECT n.nspname, s.relname FROM pg_attrdef ad "
                + "JOIN pg_depend d ON d.classid = 'pg_attrdef'::regclass AND d.objid = ad.oid "
                + "AND d.refclassid = 'pg_class'::regclass "
                + "JOIN pg_class s ON s.oid = d.refobjid AND s.relkind = 'S' JOIN pg_namespace n ON n.oid = s.relnamespace "
                + "WHERE ad.adrelid IN (SELECT unnest(?::text[])::regclass) ORDER BY 1, 2")) {
            ps.setArray(1, TableCatalog.names(c, tables));
            ps.setArray(2, TableCatalog.names(c, tables));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequences.add(new TableName(rs.getString(1), rs.getString(2)));
                }
            }
        }
        return sequences;
    }

    static SequenceValue read(Connection c, TableName sequence) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT last_value, is_called FROM " + sequence.sql())) {
            rs.next();
            return new SequenceValue(sequence, rs.getLong(1), rs.getBoolean(2));
        }
    }

    /**
     * setval alone is not rolled back with the transaction. ALTER SEQUENCE RESTART gives the sequence new storage
     * in this transaction, so the setval after it is undone too if the restore fails; it needs the sequence's owner.
     */
    void restore(Connection c, boolean owned) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (owned) {
                s.execute("ALTER SEQUENCE " + sequence.sql() + " RESTART");
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT setval(?::regclass, ?, ?)")) {
            ps.setString(1, sequence.sql());
            ps.setLong(2, lastValue);
            ps.setBoolean(3, called);
            ps.executeQuery().close();
        }
    }
}
