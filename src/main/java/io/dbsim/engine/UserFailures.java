package io.dbsim.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Which closed-model users saw their operations fail, and when, as {@link FailureSpell}s. Each user's slots are
 * written by its own thread only, and read when the users have stopped. At most {@link #MAX_SPELLS} are kept, so a
 * run that fails all along cannot fill the heap: past that, who failed is not known.
 */
final class UserFailures {

    static final int MAX_SPELLS = 100_000;
    private static final long NONE = Long.MIN_VALUE;

    private final long startNanos;
    private final long[] spellFrom;
    private final long[] lastFailure;
    private final ConcurrentLinkedQueue<FailureSpell> spells = new ConcurrentLinkedQueue<>();
    private final AtomicInteger count = new AtomicInteger();

    UserFailures(int users, long startNanos) {
        this.startNanos = startNanos;
        this.spellFrom = new long[users];
        this.lastFailure = new long[users];
        Arrays.fill(spellFrom, NONE);
    }

    /** After each of the user's operations (or flow steps), when it ended. */
    void after(int user, boolean failed, long nowNanos) {
        if (failed) {
            if (spellFrom[user] == NONE) {
                spellFrom[user] = nowNanos;
            }
            lastFailure[user] = nowNanos;
        } else if (spellFrom[user] != NONE) {
            close(user);
        }
    }

    private void close(int user) {
        if (count.incrementAndGet() <= MAX_SPELLS) {
            spells.add(new FailureSpell(user, (spellFrom[user] - startNanos) / 1e9, (lastFailure[user] - startNanos) / 1e9));
        }
        spellFrom[user] = NONE;
    }

    /** Every spell, those still going at the end included; null when there were more than were kept. Once, at the end. */
    List<FailureSpell> spells() {
        for (int u = 0; u < spellFrom.length; u++) {
            if (spellFrom[u] != NONE) {
                close(u);
            }
        }
        return count.get() > MAX_SPELLS ? null : List.copyOf(new ArrayList<>(spells));
    }
}
