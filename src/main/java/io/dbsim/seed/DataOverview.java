package io.dbsim.seed;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DatabaseErrors;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/** A few queries that show the shape of seeded data: the skews a realistic workload depends on. */
public final class DataOverview {

    private DataOverview() {
    }

    public static void print(PrintWriter out, ConnectionInfo database) {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            out.println();
            out.println("members by status and classification (share of all members):");
            printShares(out, s, "status");
            printShares(out, s, "classification");
            try (ResultSet rs = s.executeQuery("SELECT round(100.0 * count(DISTINCT member_id) FILTER (WHERE is_current) "
                    + "/ nullif((SELECT count(*) FROM members), 0), 1), round(count(*)::numeric / nullif((SELECT count(*) FROM members), 0), 2) "
                    + "FROM member_employments")) {
                rs.next();
                out.printf(Locale.ROOT, "members with a current job: %s%%, employments per member: %s%n",
                        rs.getString(1), rs.getString(2));
            }
            out.println("largest employers (current employees):");
            try (ResultSet rs = s.executeQuery("SELECT o.name, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 1) "
                    + "FROM member_employments e JOIN organizations o ON o.id = e.organization_id "
                    + "WHERE e.is_current GROUP BY o.name ORDER BY n DESC LIMIT 5")) {
                while (rs.next()) {
                    out.printf(Locale.ROOT, "  %-40s %,8d  (%s%% of current jobs)%n", rs.getString(1), rs.getLong(2), rs.getString(3));
                }
            }
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, database);
        }
        out.flush();
    }

    private static void printShares(PrintWriter out, Statement s, String column) throws SQLException {
        StringBuilder line = new StringBuilder("  " + column + ":");
        try (ResultSet rs = s.executeQuery("SELECT " + column + ", round(100.0 * count(*) / sum(count(*)) OVER (), 1) "
                + "FROM members GROUP BY " + column + " ORDER BY count(*) DESC")) {
            while (rs.next()) {
                line.append(' ').append(rs.getString(1)).append(' ').append(rs.getString(2)).append('%');
            }
        }
        out.println(line);
    }
}
