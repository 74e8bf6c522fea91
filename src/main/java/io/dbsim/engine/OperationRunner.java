package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.workload.Operation;
import io.dbsim.workload.OperationContext;
import org.jooq.DSLContext;

import java.sql.Connection;

/**
 * Runs one operation the way the application would: wait for a pooled connection, run the jOOQ
 * statements (in a transaction when the operation has several or writes), give the connection
 * back; time the wait and the time the connection was held; retry deadlocks and serialization
 * failures up to max-tries, as pgbench does.
 */
final class OperationRunner {

    private final PoolGate gate;
    private final RunMetrics metrics;
    private final int maxTries;
    private final long recordFromNanos;

    OperationRunner(PoolGate gate, RunMetrics metrics, int maxTries, long recordFromNanos) {
        this.gate = gate;
        this.metrics = metrics;
        this.maxTries = maxTries;
        this.recordFromNanos = recordFromNanos;
    }

    /**
     * @param intendedStart when the operation should have started: the open model counts latency
     *                      from its schedule, so a stalled database shows as latency, not as fewer samples
     * @return nanos spent waiting for a connection when the operation succeeded; on failure, the whole
     *         last attempt (the wait cannot be told apart from the failed work)
     */
    long run(Operation op, OperationContext ctx, long intendedStart) throws InterruptedException {
        OperationMetrics m = metrics.operation(op.index());
        boolean record = intendedStart >= recordFromNanos;
        for (int attempt = 1; ; attempt++) {
            long askedAt = System.nanoTime();
            Connection connection = null;
            try {
                connection = gate.acquire();
                long gotAt = System.nanoTime();
                DSLContext db = ctx.bind(connection, op);
                if (op.explicitTransaction()) {
                    db.transaction(tx -> op.body().run(tx.dsl(), ctx));
                } else {
                    op.body().run(db, ctx);
                }
                Connection done = connection;
                connection = null;
                gate.release(done);
                long end = System.nanoTime();
                ctx.lastError(null);
                if (record) {
                    m.success((gotAt - askedAt) / 1000, (end - gotAt) / 1000, (end - intendedStart) / 1000);
                }
                return gotAt - askedAt;
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopped during " + op.name());
                }
                ErrorClass error = ErrorClass.of(e);
                if (connection != null) {
                    releaseQuietly(connection);
                }
                if (error.retryable() && attempt < maxTries) {
                    if (record) {
                        m.retry();
                    }
                    continue;
                }
                ctx.lastError(error);
                if (record) {
                    m.failure(error, (System.nanoTime() - intendedStart) / 1000);
                }
                return System.nanoTime() - askedAt;
            }
        }
    }

    private void releaseQuietly(Connection connection) {
        try {
            gate.release(connection);
        } catch (Exception ignored) {
            // A broken connection: HikariCP evicts it; the failure is already counted.
        }
    }
}
