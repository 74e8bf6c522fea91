package io.dbsim.seed;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * The facts about a member that several tables depend on (a student has a students row, the
 * retired have no current job), derived from the member id alone so every table agrees.
 */
record MemberTraits(String classification, String status, LocalDate dateOfBirth, LocalDate joinDate) {

    static final String[] CLASSIFICATIONS = {"regular", "associate", "retired", "life", "honorary", "student"};
    private static final String[] STATUSES = {"active", "inactive", "pending", "suspended", "resigned", "deceased"};
    private static final double[] STATUS_WEIGHTS = Rng.cumulative(80, 8, 3, 2, 6, 1);
    static final long STREAM = 1;

    static double[] classificationWeights(double studentShare) {
        double rest = 1.0 - studentShare;
        return Rng.cumulative(0.69 * rest, 0.16 * rest, 0.10 * rest, 0.035 * rest, 0.015 * rest, studentShare);
    }

    static MemberTraits of(long seed, double[] classificationWeights, long memberId) {
        SplittableRandom r = Rng.of(seed, STREAM, memberId);
        String classification = CLASSIFICATIONS[Rng.weighted(r, classificationWeights)];
        String status = STATUSES[Rng.weighted(r, STATUS_WEIGHTS)];
        boolean senior = classification.equals("retired") || classification.equals("life");
        if (status.equals("deceased") && !senior) {
            status = "resigned";
        }
        int age = switch (classification) {
            case "student" -> 18 + r.nextInt(12);
            case "retired", "life" -> 63 + r.nextInt(28);
            default -> 23 + r.nextInt(22) + r.nextInt(22);
        };
        LocalDate birth = r.nextInt(100) < 3 && !classification.equals("student")
                ? null : SeedClock.daysAgo(age * 365L + r.nextInt(365));
        double u = r.nextDouble();
        long membershipDays = classification.equals("student")
                ? r.nextInt(6 * 365)
                : (long) (40 * 365 * u * u);
        return new MemberTraits(classification, status, birth, SeedClock.daysAgo(membershipDays));
    }

    boolean isStudent() {
        return classification.equals("student");
    }

    /** Members who left or died keep their employment history but have no current job. */
    boolean mayHaveCurrentJob() {
        return !(status.equals("resigned") || status.equals("deceased") || classification.equals("retired"));
    }
}
