package io.dbsim.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** pg_stat_user_indexes for one index: scans (a counter) and its size. */
public record IndexStat(String table, String index, long scans, long sizeBytes, boolean unique) {

    private static final String SNAPSHOT = DatabaseObserver.TAG
            + "SELECT s.relname, s.indexrelname, s.idx_scan, pg_relation_size(s.indexrelid), i.indisunique "
            + "FROM pg_stat_user_indexes s JOIN pg_index i ON i.indexrelid = s.indexrelid ORDER BY 1, 2";

    static Map<String, IndexStat> snapshot(Connection c) throws SQLException {
        Map<String, IndexStat> all = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SNAPSHOT)) {
            while (rs.next()) {
                IndexStat i = new IndexStat(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getBoolean(5));
                all.put(i.index, i);
            }
        }
        return all;
    }

    IndexStat since(IndexStat before) {
        return before == null ? this : new IndexStat(table, index, scans - before.scans, sizeBytes, unique);
    }
}
