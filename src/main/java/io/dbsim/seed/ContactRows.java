package io.dbsim.seed;

import java.util.SplittableRandom;

final class ContactRows implements TableGenerator {

    private static final String[] ROLES = {"hr", "billing", "management", "representative", "it"};
    private static final double[] ROLE_WEIGHTS = Rng.cumulative(35, 20, 20, 20, 5);
    private static final long COUNT_STREAM = 20;
    private static final long STREAM = 21;

    private final Population population;
    private final RowPlan plan;

    ContactRows(Population population) {
        this.population = population;
        this.plan = new RowPlan(population.profile.organizations(), 2_000, this::count);
    }

    /** One primary contact and a few more; the mean is the profile's contacts_per_organization. */
    private int count(long org) {
        double mean = population.profile.contactsPerOrganization();
        return mean == 0 ? 0 : 1 + Math.min(14, Rng.geometric(Rng.of(population.seed, COUNT_STREAM, org), mean - 1));
    }

    @Override
    public String table() {
        return "organization_contacts";
    }

    @Override
    public String columns() {
        return "id, organization_id, full_name, email, phone, role, is_primary, created_at";
    }

    @Override
    public RowPlan plan() {
        return plan;
    }

    @Override
    public void write(int chunk, CopyBuffer out) {
        Dictionary d = population.dictionary;
        long id = plan.firstId(chunk);
        for (long org = plan.chunkStart(chunk); org < plan.chunkEnd(chunk); org++) {
            SplittableRandom r = Rng.of(population.seed, STREAM, org);
            int count = count(org);
            String domain = Population.slug(OrganizationRows.name(population, org)) + ".com";
            for (int k = 0; k < count; k++, id++) {
                String first = d.firstNames[Rng.skewed(r, d.firstNames.length)];
                String last = d.lastNames[Rng.skewed(r, d.lastNames.length)];
                out.add(id).add(org).add(first + " " + last)
                        .add(Population.emailLocal(first, last) + "@" + domain)
                        .add(r.nextInt(10) == 0 ? null : Population.phone(r))
                        .add(ROLES[Rng.weighted(r, ROLE_WEIGHTS)])
                        .add(k == 0)
                        .addTimestamp(SeedClock.secondsOn(SeedClock.daysAgo(r.nextInt(10 * 365)), r.nextInt(86_400)));
                out.endRow();
            }
        }
    }
}
