package io.dbsim.engine;

import io.dbsim.observe.ActivitySample;
import io.dbsim.observe.DatabaseCounters;
import io.dbsim.observe.DatabaseObserver;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.observe.StatementTick;
import io.dbsim.observe.WaitSummary;

import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;

/**
 * Every sample interval, closes the metrics' interval and adds the pool, the simulator's load and
 * the database's activity to the time series; and tells the run's listener, which prints the progress line as pgbench -P does.
 */
final class RunSampler implements Runnable {

    private final RunMetrics metrics;
    private final PoolGate gate;
    private final IntSupplier activeUsers;
    private final HostLoad host;
    private final DatabaseObserver observer;
    private final RunListener listener;
    private final long warmUpEndsNanos;
    private final long startNanos;
    private final long everyNanos;
    private final long printEveryNanos;
    private final WaitSummary.Tally waits;
    private DatabaseCounters lastCounters;
    private Map<Long, StatementTick> lastStatements;

    RunSampler(RunMetrics metrics, PoolGate gate, IntSupplier activeUsers, HostLoad host, DatabaseObserver observer,
               RunListener listener, long startNanos, long warmUpEndsNanos, long everyNanos, long printEveryNanos, DatabaseCounters initialCounters,
               Map<Long, StatementTick> initialStatements, WaitSummary.Tally waits) {
        this.metrics = metrics;
        this.gate = gate;
        this.activeUsers = activeUsers;
        this.host = host;
        this.observer = observer;
        this.listener = listener;
        this.warmUpEndsNanos = warmUpEndsNanos;
        this.startNanos = startNanos;
        this.everyNanos = everyNanos;
        this.printEveryNanos = Math.max(everyNanos, printEveryNanos);
        this.lastCounters = initialCounters;
        this.lastStatements = initialStatements;
        this.waits = waits;
    }

    @Override
    public void run() {
        long next = startNanos + everyNanos;
        long nextPrint = startNanos + printEveryNanos;
        while (!Thread.currentThread().isInterrupted()) {
            LockSupport.parkNanos(next - System.nanoTime());
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            TimePoint p = sample(true);
            long now = System.nanoTime();
            if (now >= nextPrint) {
                listener.progress(p, (now - startNanos) / 1e9, now < warmUpEndsNanos);
                nextPrint += printEveryNanos;
            }
            next += everyNanos;
        }
    }

    /** One sample; the last one, taken when the users have stopped, skips the database (its backends are idle). */
    synchronized TimePoint sample(boolean withDatabase) {
        HostLoad.Point load = host.sample();
        DatabasePoint db = null;
        ActivitySample a = withDatabase ? observer.sample() : null;
        long now = System.nanoTime();
        if (a != null) {
            waits.add(a);
            db = DatabasePoint.of(a, lastCounters, lastStatements, metrics.secondsSinceLastSample(now));
            lastCounters = a.counters();
            if (a.statementTotals() != null) {
                lastStatements = a.statementTotals();
            }
        }
        TimePoint point = metrics.sample(now, (now - startNanos) / 1e9, activeUsers.getAsInt(), gate.busy(), gate.idle(),
                gate.waiting(), load, db);
        listener.sampled(point);
        return point;
    }
}
