package io.dbsim.workload.script;

import java.util.random.RandomGenerator;

/**
 * The random streams pgbench derives from --random-seed: a base pg_prng seeded with it gives each
 * client, in order, the seed of its own stream, then :default_seed. With these, dbsim's clients
 * draw exactly the values pgbench's clients draw for the same seed and client count.
 */
public final class PgbenchSeeds {

    private final long randomSeed;
    private final long[] clientSeeds;
    private final long defaultSeed;

    private PgbenchSeeds(long randomSeed, long[] clientSeeds, long defaultSeed) {
        this.randomSeed = randomSeed;
        this.clientSeeds = clientSeeds;
        this.defaultSeed = defaultSeed;
    }

    public static PgbenchSeeds of(long randomSeed, int clients) {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be at least 1, got " + clients);
        }
        PgPrng base = PgPrng.seeded(randomSeed);
        long[] seeds = new long[clients];
        for (int i = 0; i < clients; i++) {
            seeds[i] = base.nextLong();
        }
        return new PgbenchSeeds(randomSeed, seeds, base.nextLong());
    }

    /** How many clients' streams these are: clients 0 to clients - 1 draw what pgbench's would. */
    public int clients() {
        return clientSeeds.length;
    }

    public long randomSeed() {
        return randomSeed;
    }

    /** pgbench's :default_seed, the seed hash() and permute() use when none is given. */
    public long defaultSeed() {
        return defaultSeed;
    }

    /** A fresh copy of the stream pgbench's client {@code clientId} draws its random values from. */
    public RandomGenerator clientRandom(int clientId) {
        return PgPrng.seeded(clientSeeds[clientId]);
    }
}
