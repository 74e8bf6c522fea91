package io.dbsim.analysis.capacity;

import org.hipparchus.special.Erf;
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
    /** States less likely than this are left out of a quantile. */
    private static final double NEGLIGIBLE = 1e-14;
    /** Past this many connections ahead, an Erlang wait is taken as normal. */
    private static final int ERLANG_EXACT_UP_TO = 50;

    private final UslModel usl;
    private final double capacityFactor;
    private final PacedHold pacedHold;

    public ClosedSystemModel(UslModel usl) {
        this(usl, 1, PacedHold.NONE);
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
     * @param queueingFactor the same while users queue for connections
     */
    public record Prediction(int users, int pool, double thinkSeconds, double throughput, double responseMean,
                             double holdMean, double poolWaitMean, double busyMean, double poolFullPct, double holdFactor,
                             double queueingFactor) {
    }

    public PacedHold pacedHold() {
        return pacedHold;
    }

    /** The same users and pool in front of a database running at {@code factor} times this one's rate. */
    public ClosedSystemModel slowerBy(double factor) {
        return new ClosedSystemModel(usl, capacityFactor * factor, pacedHold);
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
        State state = state(users, thinkSeconds, pool, holdFactor, queueing);
        double[] p = state.p();
        double[] rate = state.rate();
        double throughput = 0;
        double present = 0;
        double busy = 0;
        double full = 0;
        for (int j = 0; j <= users; j++) {
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
                100.0 * full, holdFactor, queueing);
    }

    /** The probability of j users at the pool and the database, and the rate they are served at, for j = 0..users. */
    private record State(double[] p, double[] rate) {
    }

    private State state(int users, double thinkSeconds, int pool, double holdFactor, double queueing) {
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
        for (int j = 0; j <= users; j++) {
            p[j] /= total;
        }
        return new State(p, rate);
    }

    /**
     * A quantile of the response time in seconds, from the model's own states: a user who arrives to find j others
     * at a pool of c is served at once (an exponential hold of the predicted mean) when j &lt; c, else waits for the
     * j − c + 1 connections ahead to come free at the queueing rate (an Erlang wait; normal past 50 of them) and
     * then holds the predicted mean. With thousands of users queueing, their wait varies little; a ratio measured at
     * a step without a queue does not say that. Arrivals see the states as the model has them: with many users the
     * arrival theorem's one user fewer changes little.
     */
    public double responseQuantile(Prediction at, double quantile) {
        State state = state(at.users(), at.thinkSeconds(), at.pool(), at.holdFactor(), at.queueingFactor());
        double[] p = state.p();
        int c = at.pool();
        double hold = at.holdMean();
        int last = 0;
        for (int j = 0; j < p.length; j++) {
            if (p[j] > NEGLIGIBLE) {
                last = j;
            }
        }
        double drain = last > c ? state.rate()[c + 1] : Double.POSITIVE_INFINITY;
        double lo = 0;
        double hi = 50 * hold + (last > c ? 2.0 * (last - c + 1) / drain : 0);
        for (int i = 0; i < 60; i++) {
            double t = (lo + hi) / 2;
            if (tail(p, c, last, hold, drain, t) > 1 - quantile) {
                lo = t;
            } else {
                hi = t;
            }
        }
        return (lo + hi) / 2;
    }

    /** P(response > t) over the states. */
    private static double tail(double[] p, int c, int last, double hold, double drain, double t) {
        double served = 0;
        double queued = 0;
        for (int j = 0; j <= last; j++) {
            if (p[j] <= NEGLIGIBLE) {
                continue;
            }
            if (j < c) {
                served += p[j];
            } else {
                queued += p[j] * waitTail(j - c + 1, drain, t - hold);
            }
        }
        return served * Math.exp(-t / hold) + queued;
    }

    /** P(Erlang(k, rate) > x). */
    private static double waitTail(int k, double rate, double x) {
        if (x <= 0) {
            return 1;
        }
        if (k <= ERLANG_EXACT_UP_TO) {
            return Gamma.regularizedGammaQ(k, rate * x);
        }
        return 0.5 * Erf.erfc((x - k / rate) / (Math.sqrt(2.0 * k) / rate));
    }
}
