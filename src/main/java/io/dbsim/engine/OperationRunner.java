package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.workload.Operation;
import io.dbsim.workload.OperationContext;

/**
 * Runs one operation the way the application would: its work takes a pooled connection through the user's
 * lease, runs its statements and gives the connection back; the lease times the wait and the time the
 * connection was held. Deadlocks and serialization failures are retried up to max-tries, as pgbench does, and as it
 * does not once a latency limit has passed; an operation that succeeds after the limit is counted as late.
 * Connection loss is retried apart, as the run's {@link ConnectionLossRetry} says. Retries are counted by class, apart
 * from failures.
 */
final class OperationRunner {

    private final RunMetrics metrics;
    private final int maxTries;
    private final ConnectionLossRetry connectionLossRetry;
    private final long recordFromNanos;
    private final long latencyLimitNanos;

    /** @param latencyLimitNanos pgbench's -L; 0 for none */
    OperationRunner(RunMetrics metrics, int maxTries, ConnectionLossRetry connectionLossRetry, long recordFromNanos,
                    long latencyLimitNanos) {
        this.metrics = metrics;
        this.maxTries = maxTries;
        this.connectionLossRetry = connectionLossRetry;
        this.recordFromNanos = recordFromNanos;
        this.latencyLimitNanos = latencyLimitNanos;
    }

    /**
     * @param intendedStart when the operation should have started: the open model counts latency
     *                      from its schedule, so a stalled database shows as latency, not as fewer samples
     * @return nanos spent waiting for a connection when the operation succeeded; on failure, the whole
     *         last attempt (the wait cannot be told apart from the failed work)
     */
    long run(Operation op, OperationContext ctx, TimedLease lease, long intendedStart) throws InterruptedException {
        OperationMetrics m = metrics.operation(op.index());
        boolean record = intendedStart >= recordFromNanos;
        ctx.operation(op, record);
        int tries = 1;
        int connectionRetries = 0;
        while (true) {
            lease.reset();
            long attemptStart = System.nanoTime();
            try {
                op.work().run(lease, ctx);
                lease.releaseQuietly();
                long end = System.nanoTime();
                ctx.lastError(null);
                if (record) {
                    m.success(lease.waitNanos() / 1000, lease.heldNanos() / 1000, (end - intendedStart) / 1000);
                    if (latencyLimitNanos > 0 && end - intendedStart > latencyLimitNanos) {
                        m.late();
                    }
                } else {
                    m.warmUp();
                }
                return lease.waitNanos();
            } catch (InterruptedException e) {
                lease.releaseQuietly();
                throw e;
            } catch (Exception e) {
                lease.releaseQuietly();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped during " + op.name());
                }
                ErrorClass error = ErrorClass.of(e);
                metrics.firstErrors().note(error, e);
                boolean inTime = latencyLimitNanos == 0 || System.nanoTime() - intendedStart <= latencyLimitNanos;
                if (error.retryable() && tries < maxTries && inTime) {
                    tries++;
                    if (record) {
                        m.retry(error);
                    }
                    continue;
                }
                if (connectionLossRetry.allows(error, connectionRetries)) {
                    connectionRetries++;
                    if (record) {
                        m.retry(error);
                    }
                    connectionLossRetry.pause(connectionRetries);
                    continue;
                }
                ctx.lastError(error);
                if (record) {
                    m.failure(error, (System.nanoTime() - intendedStart) / 1000);
                } else {
                    m.warmUp();
                }
                return System.nanoTime() - (lease.askedAt() == 0 ? attemptStart : lease.askedAt());
            }
        }
    }
}
