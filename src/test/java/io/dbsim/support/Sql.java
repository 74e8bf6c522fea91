package io.dbsim.support;

import io.dbsim.db.ConnectionInfo;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** Reading a test database's rows back, as text. */
public final class Sql {

    private Sql() {
    }

    /** Each row of the query's result, its columns joined by a space. */
    public static List<String> rows(ConnectionInfo db, String query) {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            List<String> rows = new ArrayList<>();
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? " " : "").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The query's one value. */
    public static String value(ConnectionInfo db, String query) {
        List<String> rows = rows(db, query);
        if (rows.size() != 1) {
            throw new IllegalStateException(query + " returned " + rows.size() + " rows");
        }
        return rows.get(0);
    }
}
