package io.dbsim.seed;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Work history per member: most members have one current job and some past ones; employers
 * follow a Zipf law, so a few organizations employ a large share of all members, as in real
 * membership data.
 */
final class EmploymentRows implements TableGenerator {

    private static final long COUNT_STREAM = 40;
    private static final long STREAM = 41;
    private static final long ORG_ORDER_STREAM = 42;
    private static final int MAX_JOBS = 12;

    private final Population population;
    private final RowPlan plan;
    private final double extraJobsMean;
    private final double[] employerCumulative;
    private final long[] employerByRank;

    EmploymentRows(Population population) {
        this.population = population;
        // Non-students: 6% never employed, else 1 + geometric extra jobs; students: half have a job.
        double studentShare = population.profile.studentShare();
        double target = population.profile.employmentsPerMember();
        double nonStudentMean = (target - 0.5 * studentShare) / Math.max(1e-9, 1 - studentShare);
        this.extraJobsMean = Math.max(0, nonStudentMean / 0.94 - 1);
        long orgs = population.profile.organizations();
        this.employerCumulative = zipfCumulative((int) Math.min(orgs, Integer.MAX_VALUE - 8), 1.1);
        this.employerByRank = shuffledIds(orgs, Rng.of(population.seed, ORG_ORDER_STREAM, 0));
        this.plan = new RowPlan(population.profile.members(), MemberRows.MEMBERS_PER_CHUNK, this::count);
    }

    private int count(long memberId) {
        if (population.profile.employmentsPerMember() == 0 || population.profile.organizations() == 0) {
            return 0;
        }
        SplittableRandom r = Rng.of(population.seed, COUNT_STREAM, memberId);
        if (population.member(memberId).isStudent()) {
            return r.nextBoolean() ? 1 : 0;
        }
        return r.nextInt(100) < 6 ? 0 : 1 + Math.min(MAX_JOBS - 1, Rng.geometric(r, extraJobsMean));
    }

    private static double[] zipfCumulative(int n, double exponent) {
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            weights[i] = 1.0 / Math.pow(i + 1, exponent);
        }
        return Rng.cumulative(weights);
    }

    private static long[] shuffledIds(long n, SplittableRandom r) {
        long[] ids = new long[(int) n];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = i + 1;
        }
        for (int i = ids.length - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            long t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    private long employer(SplittableRandom r) {
        double x = r.nextDouble() * employerCumulative[employerCumulative.length - 1];
        int i = Arrays.binarySearch(employerCumulative, x);
        return employerByRank[i >= 0 ? i : Math.min(-i - 1, employerByRank.length - 1)];
    }

    @Override
    public String table() {
        return "member_employments";
    }

    @Override
    public String columns() {
        return "id, member_id, organization_id, title, start_date, end_date, is_current, status, created_at, updated_at";
    }

    @Override
    public RowPlan plan() {
        return plan;
    }

    @Override
    public void write(int chunk, CopyBuffer out) {
        Dictionary d = population.dictionary;
        long id = plan.firstId(chunk);
        for (long member = plan.chunkStart(chunk); member < plan.chunkEnd(chunk); member++) {
            int jobs = count(member);
            if (jobs == 0) {
                continue;
            }
            MemberTraits traits = population.member(member);
            SplittableRandom r = Rng.of(population.seed, STREAM, member);
            boolean current = traits.mayHaveCurrentJob() && r.nextInt(100) < 92;
            // Walk back in time from the most recent job.
            long endDaysAgo = current ? -1 : r.nextInt(3 * 365);
            for (int k = 0; k < jobs; k++, id++) {
                boolean isCurrent = current && k == 0;
                long startDaysAgo = Math.max(endDaysAgo, 0) + 60 + r.nextInt(7 * 365);
                LocalDate start = SeedClock.daysAgo(startDaysAgo);
                LocalDate end = isCurrent ? null : SeedClock.daysAgo(Math.max(endDaysAgo, 0));
                String status = isCurrent ? (r.nextInt(100) < 96 ? "active" : "on_leave")
                        : (r.nextInt(100) < 88 ? "ended" : "terminated");
                long created = SeedClock.secondsOn(start, r.nextInt(86_400));
                long updated = end == null ? created : SeedClock.secondsOn(end, r.nextInt(86_400));
                out.add(id).add(member).add(employer(r))
                        .add(d.jobTitles[Rng.skewed(r, d.jobTitles.length)])
                        .add(start).add(end).add(isCurrent).add(status)
                        .addTimestamp(created).addTimestamp(updated);
                out.endRow();
                endDaysAgo = startDaysAgo + r.nextInt(180);
            }
        }
    }
}
