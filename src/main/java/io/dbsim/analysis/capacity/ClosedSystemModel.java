package io.dbsim.analysis.capacity;

import org.hipparchus.special.Gamma;

/**
 * Users who think between operations, in front of a pool of {@code c} connections to a database
 * whose throughput at n busy connections is the fitted USL. Solved exactly as a closed product-form
 * network of two stations: a delay station (thinking users) and a load-dependent one (the pool and
 * the database: with j users there, min(j, c) are served at the USL's rate and the rest wait for a
 * connection). The interactive response-time law R = N / X − Z holds by construction.
 *
 * <p>With a {@link PacedHold}, the states in which a connection can be free between operations (j ≤ c) are served
 * that much slower: each operation there may follow a pause and wake what slept; the ratio depends on the throughput
 * the model gives, so it is solved for that fixed point. With users queueing for a connection (j > c) connections
 * never idle, and the ratio is the one measured with the fewest idle connections ({@link PacedHold#queueingFactor()}).
 */
public final class ClosedSystemModel {

    private static final int HOLD_ITERATIONS = 8;

    private final UslModel usl;
    private final double capacityFactor;
    private final PacedHold pacedHold;

    public ClosedSystemModel(UslModel usl) {
        this(usl, 1, PacedHold.NONE);
    }

    public ClosedSystemModel(UslModel usl, double capacityFactor) {
        this(usl, capacityFactor, PacedHold.NONE);
    }

    /**
     * @param capacityFactor the database's rate at the target over the USL's: the host's share left to it ({@link HostShare})
     * @param pacedHold      how much longer connections are held when operations follow pauses
     */
    public ClosedSystemModel(UslModel usl, double capacityFactor, PacedHold pacedHold) {
        this.usl = usl;
        this.capacityFactor = capacityFactor;
        this.pacedHold = pacedHold;
    }

    /**
     * @param holdMean      mean time a connection is held
     * @param poolWaitMean  mean wait for a connection
     * @param busyMean      mean busy connections
     * @param poolFullPct   share of time all {@code pool} connections are busy
     * @param holdFactor    the hold time's ratio to back to back applied while connections are free ({@link PacedHold}); 1 without
     */
    public record Prediction(int users, int pool, double thinkSeconds, double throughput, double responseMean,
                             double holdMean, double poolWaitMean, double busyMean, double poolFullPct, double holdFactor) {
    }

    public Prediction predict(int users, double thinkSeconds, int pool) {
        if (users <= 0 || pool <= 0) {
            throw new IllegalArgumentException("users and pool must be positive");
        }
        Prediction p = solve(users, thinkSeconds, pool, 1, 1);
        if (pacedHold.none() || thinkSeconds <= 0) {
            return p;
        }
        double queueing = pacedHold.queueingFactor();
        double factor = pacedHold.factorAt(p.throughput());
        p = solve(users, thinkSeconds, pool, factor, queueing);
        // The ratio depends on the throughput it changes; moving halfway each time settles it without swinging.
        for (int i = 0; i < HOLD_ITERATIONS; i++) {
            double next = pacedHold.factorAt(p.throughput());
            if (Math.abs(next - factor) < 0.005) {
                break;
            }
            factor = (factor + next) / 2;
            p = solve(users, thinkSeconds, pool, factor, queueing);
        }
        return p;
    }

    private Prediction solve(int users, double thinkSeconds, int pool, double holdFactor, double queueing) {
        double[] logWeight = new double[users + 1];
        double[] rate = new double[users + 1];
        double cumulative = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j <= users; j++) {
            if (j > 0) {
                rate[j] = capacityFactor * usl.throughput(Math.min(j, pool)) / (j <= pool ? holdFactor : queueing);
                cumulative += Math.log(rate[j]);
            }
            if (thinkSeconds <= 0) {
                logWeight[j] = j == users ? 0 : Double.NEGATIVE_INFINITY;
            } else {
                logWeight[j] = (users - j) * Math.log(thinkSeconds) - Gamma.logGamma(users - j + 1.0) - cumulative;
            }
            max = Math.max(max, logWeight[j]);
        }
        double total = 0;
        double[] p = new double[users + 1];
        for (int j = 0; j <= users; j++) {
            p[j] = Math.exp(logWeight[j] - max);
            total += p[j];
        }
        double throughput = 0;
        double present = 0;
        double busy = 0;
        double full = 0;
        for (int j = 0; j <= users; j++) {
            p[j] /= total;
            throughput += p[j] * rate[j];
            present += p[j] * j;
            busy += p[j] * Math.min(j, pool);
            if (j >= pool) {
                full += p[j];
            }
        }
        double response = present / throughput;
        double hold = busy / throughput;
        return new Prediction(users, pool, thinkSeconds, throughput, response, hold, Math.max(0, response - hold), busy,
                100.0 * full, holdFactor);
    }
}
