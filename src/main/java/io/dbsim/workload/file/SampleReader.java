package io.dbsim.workload.file;

import io.dbsim.UsageException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a workload file's sampled columns when the run starts: a Bernoulli sample of the table, repeatable for the
 * same seed and data (TABLESAMPLE ... REPEATABLE), sized from the planner's row estimate to hold about the limit,
 * of the column's non-null values as text.
 */
public final class SampleReader {

    private SampleReader() {
    }

    /** Each sample's values by {@link Sample#key()}; a missing table or column, or an empty sample, is a usage error. */
    public static Map<String, String[]> read(Connection c, List<Sample> samples, long seed) throws SQLException {
        Map<String, String[]> out = new LinkedHashMap<>();
        for (Sample s : samples) {
            out.put(s.key(), values(c, s, seed));
        }
        return out;
    }

    private static String[] values(Connection c, Sample s, long seed) throws SQLException {
        String table;
        double rows;
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?)::text, (SELECT reltuples FROM pg_class "
                + "WHERE oid = to_regclass(?)), (SELECT count(*) > 0 FROM pg_attribute WHERE attrelid = to_regclass(?) "
                + "AND attname = ? AND attnum > 0 AND NOT attisdropped)")) {
            ps.setString(1, s.table());
            ps.setString(2, s.table());
            ps.setString(3, s.table());
            ps.setString(4, s.column());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                table = rs.getString(1);
                if (table == null) {
                    throw new UsageException(s.where() + ": sample: there is no table " + s.table()
                            + " in the database: name a table that exists (create it with the workload's setup: migrations)");
                }
                if (!rs.getBoolean(3)) {
                    throw new UsageException(s.where() + ": sample: table " + table + " has no column " + s.column()
                            + ": name one of its columns");
                }
                rows = rs.getDouble(2);
            }
        }
        // reltuples is -1 before the first VACUUM or ANALYZE: then read the whole table.
        double percent = rows <= 0 ? 100 : Math.min(100, 100.0 * s.limit() * 1.5 / rows);
        String column = "\"" + s.column().replace("\"", "\"\"") + "\"";
        String sql = "SELECT " + column + "::text FROM " + table + " TABLESAMPLE BERNOULLI (" + percent + ") REPEATABLE ("
                + Math.floorMod(seed, Integer.MAX_VALUE) + ") WHERE " + column + " IS NOT NULL LIMIT " + s.limit();
        List<String> values = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        if (values.isEmpty()) {
            throw new UsageException(s.where() + ": sample: " + table + "." + s.column() + " has no values to sample"
                    + ": fill the table first, or draw the parameter with random: instead");
        }
        return values.toArray(String[]::new);
    }
}
