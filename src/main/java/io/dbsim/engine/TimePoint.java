package io.dbsim.engine;

import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.HostLoad;

import java.util.List;

/**
 * One sample of the run's time series: throughput, latency and the pool over the interval, the
 * simulator's own load, the database's side ({@code database} is null when it could not be read),
 * and each operation's own figures, in the order of the run's operations. Operations that started during the
 * warm-up are counted apart ({@code warmUpOpsPerSecond}): the database was busy with them, but they are not measured.
 */
public record TimePoint(double elapsedSeconds, long operations, long errors, double opsPerSecond,
                        double p50Ms, double p95Ms, double p99Ms, int users, int poolBusy, int poolIdle,
                        int poolWaiting, HostLoad.Point host, DatabasePoint database, List<OperationTick> operationTicks,
                        double warmUpOpsPerSecond) {

    public double heapUsedMb() {
        return host.heapUsedMb();
    }
}
