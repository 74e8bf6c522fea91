package io.dbsim.report;

import io.dbsim.seed.DataShape;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The shape of seeded data on the console, as the demo shows it. */
public final class DataShapeConsole {

    private DataShapeConsole() {
    }

    public static void print(PrintWriter out, DataShape shape) {
        out.println();
        out.println("members by status and classification (share of all members):");
        shares(out, "status", shape.statusShares());
        shares(out, "classification", shape.classificationShares());
        out.printf(Locale.ROOT, "members with a current job: %s%%, employments per member: %s%n", shape.currentJobPct(),
                shape.employmentsPerMember());
        out.println("largest employers (current employees):");
        for (DataShape.Employer e : shape.largestEmployers()) {
            out.printf(Locale.ROOT, "  %-40s %,8d  (%s%% of current jobs)%n", e.name(), e.currentEmployees(), e.pctOfCurrentJobs());
        }
        out.flush();
    }

    private static void shares(PrintWriter out, String column, List<DataShape.Share> shares) {
        StringBuilder line = new StringBuilder("  " + column + ":");
        shares.forEach(s -> line.append(' ').append(s.value()).append(' ').append(s.pct()).append('%'));
        out.println(line);
    }
}
