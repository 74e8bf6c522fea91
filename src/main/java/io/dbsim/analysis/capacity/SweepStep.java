package io.dbsim.analysis.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * What one step of a sweep measured, after its warm-up.
 *
 * @param throughput     successful operations per second
 * @param busyLittle     mean busy connections by Little's law: throughput × mean hold time
 * @param busySampled    mean busy connections from the pool samples
 * @param cycleOverheadMs per operation, the user's time outside think time and response time (the simulator's own work)
 * @param rounds          how many times the step ran; its figures are those of the round with the median throughput
 * @param throughputMin   the lowest throughput of its rounds
 * @param throughputMax   the highest throughput of its rounds
 * @param hostCpuPct      the whole host's CPU (the database's too when it is local), as a share of all its cores
 * @param liveRowsAtStart the live rows of all tables when the step began; 0 when not observed (older sweep files)
 * @param liveRowsAtEnd   the same when it ended
 * @param throughputCvPct how much the throughput varied from second to second: the samples' coefficient of variation,
 *                        scaled to one-second samples as for independent noise; 0 when unknown (older sweep files)
 */
public record SweepStep(int users, int poolSize, double seconds, long operations, double errorRatePct, double throughput,
                        double meanMs, double p50Ms, double p95Ms, double p99Ms, double poolWaitMeanMs,
                        double poolWaitP95Ms, double holdMeanMs, double busyLittle, double busySampled,
                        double cycleOverheadMs, double simulatorCpuPct, boolean interrupted, int rounds,
                        double throughputMin, double throughputMax, double hostCpuPct, long liveRowsAtStart,
                        long liveRowsAtEnd, double throughputCvPct) {

    /**
     * One step measured several times: the round with the median throughput stands for it (its figures
     * stay consistent with each other), and the spread of the rounds is kept as the step's noise.
     */
    public static SweepStep medianOf(List<SweepStep> rounds) {
        List<SweepStep> sorted = rounds.stream().sorted(Comparator.comparingDouble(SweepStep::throughput)).toList();
        SweepStep m = sorted.get((sorted.size() - 1) / 2);
        return new SweepStep(m.users, m.poolSize, m.seconds, m.operations, m.errorRatePct, m.throughput, m.meanMs, m.p50Ms,
                m.p95Ms, m.p99Ms, m.poolWaitMeanMs, m.poolWaitP95Ms, m.holdMeanMs, m.busyLittle, m.busySampled,
                m.cycleOverheadMs, m.simulatorCpuPct, m.interrupted, sorted.size(), sorted.get(0).throughput,
                sorted.get(sorted.size() - 1).throughput, m.hostCpuPct, m.liveRowsAtStart, m.liveRowsAtEnd, m.throughputCvPct);
    }

    /** (highest − lowest) / median throughput of the rounds, in percent; 0 for a single round. */
    public double spreadPct() {
        return throughput <= 0 ? 0 : 100 * (throughputMax - throughputMin) / throughput;
    }
}
