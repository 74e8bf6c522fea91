package io.dbsim.engine;

import io.dbsim.db.ErrorClass;
import io.dbsim.workload.OperationContext;
import io.dbsim.workload.Pattern;

/**
 * Walks one user through a flow's steps in order and measures the journey as a whole: the steps'
 * response times summed (think time between steps left out), pool wait apart. A failed step ends
 * the journey as failed, and the user starts again from the first step, as a person would.
 */
final class FlowTracker {

    private final Pattern.OperationMix flow;
    private final OperationMetrics metrics;
    private final long recordFromNanos;
    private int step;
    private long startedAt;
    private long waitNanos;
    private long responseNanos;

    FlowTracker(Pattern.OperationMix flow, OperationMetrics metrics, long recordFromNanos) {
        this.flow = flow;
        this.metrics = metrics;
        this.recordFromNanos = recordFromNanos;
    }

    /**
     * Runs the journey's next step, intended to start at {@code started}, and adds it to the journey;
     * returns how long it waited for a connection.
     */
    long runStep(OperationRunner runner, OperationContext ctx, TimedLease lease, long started) throws InterruptedException {
        long waited = runner.run(flow.operations().get(step), ctx, lease, started);
        stepDone(started, waited, ctx.lastError());
        return waited;
    }

    private void stepDone(long started, long waited, ErrorClass error) {
        if (step == 0) {
            startedAt = started;
            waitNanos = 0;
            responseNanos = 0;
        }
        waitNanos += waited;
        responseNanos += System.nanoTime() - started;
        boolean record = startedAt >= recordFromNanos;
        if (error != null) {
            if (record) {
                metrics.failure(error, responseNanos / 1000);
            }
            step = 0;
            return;
        }
        step++;
        if (step == flow.operations().size()) {
            if (record) {
                metrics.success(waitNanos / 1000, (responseNanos - waitNanos) / 1000, responseNanos / 1000);
            }
            step = 0;
        }
    }

    boolean atStart() {
        return step == 0;
    }
}
