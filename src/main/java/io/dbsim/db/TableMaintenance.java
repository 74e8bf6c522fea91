package io.dbsim.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The planner statistics and vacuum state of freshly restored tables, so the next run starts as after a seed. */
final class TableMaintenance {

    private TableMaintenance() {
    }

    /** ANALYZE needs the owner, or on PostgreSQL 17 and later the MAINTAIN privilege; without either, the note says so. */
    static List<TableName> analyze(Connection c, List<TableName> tables, boolean owner, List<String> notes)
            throws SQLException {
        List<TableName> allowed = new ArrayList<>();
        for (TableName table : tables) {
            if (owner || TableCatalog.owned(c, table) || maintainable(c, table)) {
                allowed.add(table);
            }
        }
        if (!allowed.isEmpty()) {
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE " + String.join(", ", allowed.stream().map(TableName::sql).toList()));
            }
        }
        List<String> skipped = tables.stream().filter(t -> !allowed.contains(t)).map(TableName::toString).toList();
        if (!skipped.isEmpty()) {
            notes.add("planner statistics not refreshed for " + String.join(", ", skipped) + ": ANALYZE needs the table owner "
                    + "or, on PostgreSQL 17 and later, GRANT MAINTAIN");
        }
        return allowed;
    }

    /**
     * The reloaded rows are frozen and all-visible already, so this VACUUM only reads the visibility map (50 ms on the
     * medium seed); it clears the tables' count of inserts, so autovacuum does not visit them during the next run.
     * The data is restored by then: a failure here is a note, not an error.
     */
    static void vacuum(Connection c, List<TableName> tables, List<String> notes) {
        if (tables.isEmpty()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            s.execute("VACUUM " + String.join(", ", tables.stream().map(TableName::sql).toList()));
        } catch (SQLException e) {
            notes.add("VACUUM after the restore failed (" + DatabaseErrors.firstLine(e.getMessage())
                    + "); autovacuum may visit the restored tables during the next run");
        }
    }

    private static boolean maintainable(Connection c, TableName table) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            if (Integer.parseInt(rs.getString(1)) < 170000) {
                return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT has_table_privilege(to_regclass(?), 'MAINTAIN')")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
