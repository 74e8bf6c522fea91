package io.dbsim.capacity;

/**
 * What one step of a sweep measured, after its warm-up.
 *
 * @param throughput     successful operations per second
 * @param busyLittle     mean busy connections by Little's law: throughput × mean hold time
 * @param busySampled    mean busy connections from the pool samples
 * @param cycleOverheadMs per operation, the user's time outside think time and response time (the simulator's own work)
 */
public record SweepStep(int users, int poolSize, double seconds, long operations, double errorRatePct, double throughput,
                        double meanMs, double p50Ms, double p95Ms, double p99Ms, double poolWaitMeanMs,
                        double poolWaitP95Ms, double holdMeanMs, double busyLittle, double busySampled,
                        double cycleOverheadMs, double simulatorCpuPct, boolean interrupted) {
}
