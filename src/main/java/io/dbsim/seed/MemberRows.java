package io.dbsim.seed;

import java.util.SplittableRandom;

final class MemberRows implements TableGenerator {

    static final int MEMBERS_PER_CHUNK = 10_000;
    private static final long STREAM = 30;

    private final Population population;
    private final RowPlan plan;

    MemberRows(Population population) {
        this.population = population;
        this.plan = RowPlan.onePerUnit(population.profile.members(), MEMBERS_PER_CHUNK);
    }

    @Override
    public String table() {
        return "members";
    }

    @Override
    public String columns() {
        return "id, member_number, first_name, last_name, email, phone, street, city, postal_code, country, "
                + "date_of_birth, status, classification, join_date, created_at, updated_at";
    }

    @Override
    public RowPlan plan() {
        return plan;
    }

    static String memberNumber(long id) {
        return "M" + (10_000_000 + id);
    }

    @Override
    public void write(int chunk, CopyBuffer out) {
        Dictionary d = population.dictionary;
        for (long id = plan.chunkStart(chunk); id < plan.chunkEnd(chunk); id++) {
            MemberTraits t = population.member(id);
            SplittableRandom r = Rng.of(population.seed, STREAM, id);
            String first = d.firstNames[Rng.skewed(r, d.firstNames.length)];
            String last = d.lastNames[Rng.skewed(r, d.lastNames.length)];
            int city = Rng.skewed(r, d.cities.length);
            long created = SeedClock.secondsOn(t.joinDate(), r.nextInt(86_400));
            long updated = created + (long) (r.nextDouble() * (SeedClock.secondsOn(SeedClock.TODAY, 0) - created));
            out.add(id).add(memberNumber(id)).add(first).add(last)
                    .add(Population.emailLocal(first, last) + id + "@" + d.emailDomains[Rng.skewed(r, d.emailDomains.length)])
                    .add(r.nextInt(20) == 0 ? null : Population.phone(r))
                    .add((1 + r.nextInt(9_999)) + " " + d.streetNames[Rng.skewed(r, d.streetNames.length)])
                    .add(d.cities[city])
                    .add(d.postalCodes[city])
                    .add(r.nextInt(100) < 94 ? "United States" : d.countries[r.nextInt(d.countries.length)])
                    .add(t.dateOfBirth())
                    .add(t.status())
                    .add(t.classification())
                    .add(t.joinDate())
                    .addTimestamp(created)
                    .addTimestamp(updated);
            out.endRow();
        }
    }
}
