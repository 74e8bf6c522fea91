package io.dbsim.seed;

import java.time.LocalDate;
import java.util.SplittableRandom;

/** One row per member classified as a student. */
final class StudentRows implements TableGenerator {

    private static final String[] STATUSES = {"enrolled", "on_leave", "graduated", "withdrawn"};
    private static final double[] STATUS_WEIGHTS = Rng.cumulative(80, 5, 10, 5);
    private static final long STREAM = 50;

    private final Population population;
    private final RowPlan plan;

    StudentRows(Population population) {
        this.population = population;
        this.plan = new RowPlan(population.profile.members(), MemberRows.MEMBERS_PER_CHUNK,
                member -> population.member(member).isStudent() ? 1 : 0);
    }

    @Override
    public String table() {
        return "students";
    }

    @Override
    public String columns() {
        return "id, member_id, student_number, institution, program, enrollment_date, expected_graduation, status, created_at";
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
            MemberTraits traits = population.member(member);
            if (!traits.isStudent()) {
                continue;
            }
            SplittableRandom r = Rng.of(population.seed, STREAM, member);
            LocalDate enrolled = traits.joinDate().minusDays(r.nextInt(400));
            LocalDate graduation = r.nextInt(10) == 0 ? null : enrolled.plusYears(3 + r.nextInt(3));
            out.add(id).add(member).add("S" + (20_000_000 + member))
                    .add(d.universities[Rng.skewed(r, d.universities.length)])
                    .add(d.programs[r.nextInt(d.programs.length)])
                    .add(enrolled).add(graduation)
                    .add(STATUSES[Rng.weighted(r, STATUS_WEIGHTS)])
                    .addTimestamp(SeedClock.secondsOn(traits.joinDate(), r.nextInt(86_400)));
            out.endRow();
            id++;
        }
    }
}
