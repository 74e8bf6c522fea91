package io.dbsim.seed;

import java.util.SplittableRandom;

final class OrganizationRows implements TableGenerator {

    private static final String[] TYPES = {"company", "public_body", "nonprofit", "university", "hospital"};
    private static final double[] TYPE_WEIGHTS = Rng.cumulative(70, 8, 10, 7, 5);
    private static final long STREAM = 10;

    private final Population population;
    private final RowPlan plan;

    OrganizationRows(Population population) {
        this.population = population;
        this.plan = RowPlan.onePerUnit(population.profile.organizations(), 2_000);
    }

    @Override
    public String table() {
        return "organizations";
    }

    @Override
    public String columns() {
        return "id, name, org_type, industry, city, country, website, created_at";
    }

    @Override
    public RowPlan plan() {
        return plan;
    }

    static String name(Population population, long orgId) {
        String[] names = population.dictionary.companyNames;
        String base = names[(int) ((orgId - 1) % names.length)];
        long round = (orgId - 1) / names.length;
        return round == 0 ? base : base + " " + (round + 1);
    }

    @Override
    public void write(int chunk, CopyBuffer out) {
        Dictionary d = population.dictionary;
        for (long id = plan.chunkStart(chunk); id < plan.chunkEnd(chunk); id++) {
            SplittableRandom r = Rng.of(population.seed, STREAM, id);
            String name = name(population, id);
            String type = TYPES[Rng.weighted(r, TYPE_WEIGHTS)];
            out.add(id).add(name).add(type)
                    .add(r.nextInt(10) == 0 ? null : d.industries[r.nextInt(d.industries.length)])
                    .add(d.cities[Rng.skewed(r, d.cities.length)])
                    .add(r.nextInt(100) < 95 ? "United States" : d.countries[r.nextInt(d.countries.length)])
                    .add(r.nextInt(5) == 0 ? null : "https://www." + Population.slug(name) + ".com")
                    .addTimestamp(SeedClock.secondsOn(SeedClock.daysAgo(365 + r.nextInt(30 * 365)), r.nextInt(86_400)));
            out.endRow();
        }
    }
}
