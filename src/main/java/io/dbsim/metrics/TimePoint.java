package io.dbsim.metrics;

/**
 * One sample of the run's time series: throughput, latency and the pool over the interval, the
 * simulator's own load, and the database's side ({@code database} is null when it could not be read).
 */
public record TimePoint(double elapsedSeconds, long operations, long errors, double opsPerSecond,
                        double p50Ms, double p95Ms, double p99Ms, int users, int poolBusy, int poolIdle,
                        int poolWaiting, HostLoad.Point host, DatabasePoint database) {

    public double heapUsedMb() {
        return host.heapUsedMb();
    }
}
