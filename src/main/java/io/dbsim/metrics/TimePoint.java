package io.dbsim.metrics;

/** One sample of the run's time series: throughput, latency, the pool and the simulator's heap, per interval. */
public record TimePoint(double elapsedSeconds, long operations, long errors, double opsPerSecond,
                        double p50Ms, double p95Ms, double p99Ms, int users, int poolBusy, int poolIdle,
                        int poolWaiting, double heapUsedMb) {
}
