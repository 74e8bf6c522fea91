package io.dbsim.engine;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.observe.DatabaseObserver;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Segment;
import io.dbsim.settings.Stage;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The part of a whole test this process runs: all of it, or one segment (dbsim run --segment I/N). User k of the
 * whole test (its k-th start) and arrival k are segment (k mod N) + 1's, and keep the random stream and user type
 * they have in the whole test, so the segments together run each user and key sequence of the test exactly once.
 * Ramp-up starts each user at its moment in the whole test's ramp. Under stages a segment runs the whole test's
 * running users at the positions it owns (position p when p mod N = I - 1), so at every moment the segments' user
 * counts add up to the whole test's and the users stopped first are the newest, as in one process. Only the first
 * segment observes the database, so the server is sampled once, and the segments can start together at one instant.
 */
public final class TestShare {

    private final RunSettings whole;
    private final RunSettings settings;
    private final Segment segment;
    private final Instant startAt;
    /** Per stage: the whole test's users started before it, and its user count at its start. */
    private final int[] startsBefore;
    private final int[] targetBefore;

    private TestShare(RunSettings whole, Segment segment, Instant startAt) {
        this.whole = whole;
        this.segment = segment;
        this.settings = segment.of(whole);
        this.startAt = startAt;
        List<Stage> stages = whole.stages();
        this.startsBefore = new int[stages.size()];
        this.targetBefore = new int[stages.size()];
        int starts = 0;
        int previous = 0;
        for (int s = 0; s < stages.size(); s++) {
            startsBefore[s] = starts;
            targetBefore[s] = previous;
            starts += Math.max(0, stages.get(s).target() - previous);
            previous = stages.get(s).target();
        }
    }

    /** The whole test in this process, started at once. */
    public static TestShare whole(RunSettings settings) {
        return new TestShare(settings, Segment.WHOLE, null);
    }

    /**
     * @param startAt when the users start (every segment given the same instant starts with the others); null: at once
     */
    public static TestShare of(RunSettings whole, Segment segment, Instant startAt) {
        return new TestShare(whole, segment, startAt);
    }

    /** What this process runs: its users, pool and in-flight cap; the run's report states these. */
    public RunSettings settings() {
        return settings;
    }

    public RunSettings wholeTest() {
        return whole;
    }

    public Segment segment() {
        return segment;
    }

    public Instant startAt() {
        return startAt;
    }

    public boolean observes() {
        return segment.index() == 1;
    }

    DatabaseObserver observer(ConnectionInfo database, String runApplication, Duration sampleBudget) {
        if (observes()) {
            return DatabaseObserver.open(database, runApplication, sampleBudget);
        }
        return DatabaseObserver.off("segment " + segment + " did not observe the database: segment 1/" + segment.count()
                + " did, so the server was sampled once for the whole test");
    }

    /** The users the whole test starts: what its user types are allotted over. */
    int wholeStarts() {
        return Math.max(1, starts(Segment.WHOLE));
    }

    /** The users this process starts. */
    int starts() {
        return starts(segment);
    }

    private int starts(Segment s) {
        if (!whole.staged()) {
            return s.share(whole.users());
        }
        int total = 0;
        for (int i = 0; i < whole.stages().size(); i++) {
            total += Math.max(0, s.share(whole.stages().get(i).target()) - s.share(targetBefore[i]));
        }
        return total;
    }

    /** The whole test's number of this process's {@code local}-th user of a ramp-up. */
    int rampUpUser(int local) {
        return segment.nth(local);
    }

    /** The time between two starts in the whole test's ramp-up. */
    long rampUpSpacingNanos() {
        return whole.users() <= 1 ? 0 : whole.rampUp().toNanos() / whole.users();
    }

    List<Stage> wholeStages() {
        return whole.stages();
    }

    /** How many of the whole test's {@code wholeTarget} running users are this process's. */
    int stageTarget(int wholeTarget) {
        return segment.share(wholeTarget);
    }

    /** The whole test's number of the user this process starts in stage {@code stage} at its {@code position}-th place. */
    int stagedUser(int stage, int position) {
        return startsBefore[stage] + segment.nth(position) - targetBefore[stage];
    }

    double wholeRate() {
        return whole.ratePerSecond();
    }

    boolean runsArrival(long k) {
        return segment.runs(k);
    }

    /** Sleeps until the shared start, unless {@code stopped} first; tells the listener how long it waits or how late it is. */
    void awaitStart(RunListener listener, BooleanSupplier stopped) {
        if (startAt == null) {
            return;
        }
        Duration wait = Duration.between(Instant.now(), startAt);
        listener.waitingToStart(startAt, wait.isNegative() ? Duration.ZERO : wait, wait.isNegative() ? wait.negated() : Duration.ZERO);
        try {
            long left;
            while (!stopped.getAsBoolean() && (left = Duration.between(Instant.now(), startAt).toMillis()) > 0) {
                TimeUnit.MILLISECONDS.sleep(Math.min(left, 200));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
