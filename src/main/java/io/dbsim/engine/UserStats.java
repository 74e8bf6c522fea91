package io.dbsim.engine;

import java.util.Arrays;

/**
 * Per-user counts written by each user's own thread, read after the users stopped: whether the pool
 * served users fairly, or some starved while others got connections at once.
 */
final class UserStats {

    private final long[] operations;
    private final long[] maxWaitNanos;

    UserStats(int users) {
        this.operations = new long[users];
        this.maxWaitNanos = new long[users];
    }

    int capacity() {
        return operations.length;
    }

    void done(int user, long waitNanos) {
        operations[user]++;
        if (waitNanos > maxWaitNanos[user]) {
            maxWaitNanos[user] = waitNanos;
        }
    }

    Fairness fairness(int startedUsers) {
        long[] ops = Arrays.copyOf(operations, startedUsers);
        long[] waits = Arrays.copyOf(maxWaitNanos, startedUsers);
        Arrays.sort(ops);
        Arrays.sort(waits);
        if (ops.length == 0) {
            return new Fairness(0, 0, 0, 0, 1, 0, 0);
        }
        double sum = 0;
        double squares = 0;
        for (long o : ops) {
            sum += o;
            squares += (double) o * o;
        }
        double jain = squares == 0 ? 1 : sum * sum / (ops.length * squares);
        long median = ops[ops.length / 2];
        int starved = 0;
        for (long o : ops) {
            if (o < median / 2.0) {
                starved++;
            }
        }
        return new Fairness(ops.length, ops[0], median, ops[ops.length - 1], jain, starved,
                waits[waits.length - 1] / 1e6);
    }
}
