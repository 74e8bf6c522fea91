package io.dbsim.seed;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DatabaseErrors;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of seeded data, read from the database: the skews a realistic workload depends on (status and
 * classification shares, current jobs, the largest employers).
 *
 * @param statusShares         "active 80.1%"-style shares of members by status, most common first
 * @param classificationShares the same by classification
 * @param currentJobPct        members with a current job, percent (as PostgreSQL rounds it)
 * @param employmentsPerMember employments per member (as PostgreSQL rounds it)
 */
public record DataShape(List<Share> statusShares, List<Share> classificationShares, String currentJobPct,
                        String employmentsPerMember, List<Employer> largestEmployers) {

    public record Share(String value, String pct) {
    }

    public record Employer(String name, long currentEmployees, String pctOfCurrentJobs) {
    }

    public static DataShape read(ConnectionInfo database) {
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            List<Share> status = shares(s, "status");
            List<Share> classification = shares(s, "classification");
            String current;
            String perMember;
            try (ResultSet rs = s.executeQuery("SELECT round(100.0 * count(DISTINCT member_id) FILTER (WHERE is_current) "
                    + "/ nullif((SELECT count(*) FROM members), 0), 1), round(count(*)::numeric / nullif((SELECT count(*) FROM members), 0), 2) "
                    + "FROM member_employments")) {
                rs.next();
                current = rs.getString(1);
                perMember = rs.getString(2);
            }
            List<Employer> employers = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT o.name, count(*) AS n, round(100.0 * count(*) / sum(count(*)) OVER (), 1) "
                    + "FROM member_employments e JOIN organizations o ON o.id = e.organization_id "
                    + "WHERE e.is_current GROUP BY o.name ORDER BY n DESC LIMIT 5")) {
                while (rs.next()) {
                    employers.add(new Employer(rs.getString(1), rs.getLong(2), rs.getString(3)));
                }
            }
            return new DataShape(status, classification, current, perMember, List.copyOf(employers));
        } catch (SQLException e) {
            throw DatabaseErrors.explain(e, database);
        }
    }

    private static List<Share> shares(Statement s, String column) throws SQLException {
        List<Share> out = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SELECT " + column + ", round(100.0 * count(*) / sum(count(*)) OVER (), 1) "
                + "FROM members GROUP BY " + column + " ORDER BY count(*) DESC")) {
            while (rs.next()) {
                out.add(new Share(rs.getString(1), rs.getString(2)));
            }
        }
        return List.copyOf(out);
    }
}
