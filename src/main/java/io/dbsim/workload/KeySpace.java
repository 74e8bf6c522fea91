package io.dbsim.workload;

import io.dbsim.DbsimException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;

/**
 * The id ranges of the seeded tables, and skewed picks within them: a few members, organizations
 * and files are hot, as in a real application, and the hot ones are scattered over the table
 * rather than all in its first pages.
 */
public record KeySpace(long members, long organizations, long employments, long attachments) {

    /** Share of picks that land on the hottest 1% of keys is about 20% with this exponent. */
    private static final double SKEW = 3.0;

    public static KeySpace read(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (SELECT max(id) FROM members), (SELECT max(id) FROM organizations), "
                     + "(SELECT max(id) FROM member_employments), (SELECT max(id) FROM file_attachments)")) {
            rs.next();
            KeySpace keys = new KeySpace(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            if (keys.members() == 0 || keys.organizations() == 0) {
                throw new DbsimException("the database has no members or organizations to work on: run 'dbsim seed' first");
            }
            return keys;
        }
    }

    public long member(SplittableRandom r) {
        return skewed(r, members);
    }

    public long organization(SplittableRandom r) {
        return skewed(r, organizations);
    }

    public long employment(SplittableRandom r) {
        return skewed(r, Math.max(1, employments));
    }

    public long attachment(SplittableRandom r) {
        return skewed(r, Math.max(1, attachments));
    }

    /** Uniform pick, for the primary-key benchmark that must match pgbench's random(1, n). */
    public long anyMember(SplittableRandom r) {
        return 1 + r.nextLong(members);
    }

    static long skewed(SplittableRandom r, long n) {
        long rank = (long) (n * Math.pow(r.nextDouble(), SKEW));
        // Multiplying by a large odd constant modulo n scatters hot ranks over the id range.
        return 1 + Math.floorMod(rank * 0x9E3779B1L, n);
    }
}
