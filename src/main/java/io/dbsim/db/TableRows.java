package io.dbsim.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The exact rows of each data table at one moment: count(*) of every table in one query of one REPEATABLE READ
 * transaction, so the counts agree with each other; for a run report to state the data it started and ended with.
 */
public record TableRows(Map<String, Long> rows) {

    public TableRows {
        rows = Collections.unmodifiableMap(new LinkedHashMap<>(rows));
    }

    /** The snapshot's tables (those that still exist) when there is a snapshot, otherwise the tables one would hold. */
    public static TableRows capture(ConnectionInfo db) {
        try (Connection c = db.open(DataSnapshot.APPLICATION)) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            Optional<SnapshotManifest> snapshot = SnapshotManifest.read(c);
            List<TableName> tables = new ArrayList<>();
            if (snapshot.isPresent()) {
                for (SnapshotEntry entry : snapshot.get().tables()) {
                    if (TableCatalog.exists(c, entry.table())) {
                        tables.add(entry.table());
                    }
                }
            } else {
                tables.addAll(TableCatalog.defaults(c));
            }
            TableRows counted = count(c, tables);
            c.rollback();
            return counted;
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, db);
        }
    }

    static TableRows count(Connection c, List<TableName> tables) throws SQLException {
        Map<String, Long> rows = new LinkedHashMap<>();
        if (tables.isEmpty()) {
            return new TableRows(rows);
        }
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < tables.size(); i++) {
            sql.append(i == 0 ? "" : " UNION ALL ").append("SELECT ").append(i).append(", count(*) FROM ").append(tables.get(i).sql());
        }
        long[] counts = new long[tables.size()];
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql.toString())) {
            while (rs.next()) {
                counts[rs.getInt(1)] = rs.getLong(2);
            }
        }
        for (int i = 0; i < tables.size(); i++) {
            rows.put(tables.get(i).toString(), counts[i]);
        }
        return new TableRows(rows);
    }

    public long total() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
