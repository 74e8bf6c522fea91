package io.dbsim.engine;

/**
 * How evenly the pool served the users.
 *
 * @param jainIndex    Jain's fairness index of operations per user: 1 when all users did as many
 * @param starvedUsers users who did less than half the median user's operations
 * @param worstWaitMs  the longest single wait for a connection any user had
 */
public record Fairness(int users, long minOps, long medianOps, long maxOps, double jainIndex, int starvedUsers,
                       double worstWaitMs) {
}
