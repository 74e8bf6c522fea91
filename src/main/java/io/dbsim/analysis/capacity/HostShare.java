package io.dbsim.analysis.capacity;

import java.util.Comparator;
import java.util.List;

/**
 * The host's CPU shared by the simulator and a local database. A sweep measured the database's throughput at each
 * concurrency while the simulator took {@code sweepSimulatorCpuPct} of the host; at the target the simulator takes
 * {@code targetSimulatorCpuPct}. On a saturated host (its CPU at or over {@link #SATURATED_HOST_PCT} at that step) the
 * database can only use what the simulator leaves, so its rate scales by (100 − target) / (100 − sweep). On a host with
 * room to spare, or with the database elsewhere (the host's CPU then stays low), nothing is taken: the factor is 1.
 *
 * @param sweepStepUsers the sweep step the shares were read at: the one of closest busy concurrency
 */
public record HostShare(int sweepStepUsers, double sweepSimulatorCpuPct, double sweepHostCpuPct, double targetSimulatorCpuPct) {

    static final double SATURATED_HOST_PCT = 90;

    /**
     * The simulator's CPU per operation that follows a think time: the user's timed park and wake-up, which a sweep
     * at think time 0 never pays. Measured on a 2-core host with 4,000 users at think times 4 s and 2 s
     * (bench/capacity-at-target): the simulator took 2.8 and 5.5 points of the host more than the sweep's steps of the
     * same throughput, 55 and 72 µs per operation.
     */
    static final double WAKE_UP_CPU_SECONDS = 64e-6;

    /** The database's rate at the target over what the sweep measured at that concurrency. */
    public double factor() {
        if (sweepHostCpuPct < SATURATED_HOST_PCT || sweepSimulatorCpuPct >= 100) {
            return 1;
        }
        return Math.max(0, 100 - targetSimulatorCpuPct) / (100 - sweepSimulatorCpuPct);
    }

    /** The same sweep step with the simulator's CPU at the target as measured. */
    public HostShare withTarget(double simulatorCpuPct) {
        return new HostShare(sweepStepUsers, sweepSimulatorCpuPct, sweepHostCpuPct, simulatorCpuPct);
    }

    /**
     * The share expected at the target: the simulator's CPU at the sweep step of closest throughput (its own fixed
     * costs: sampling, recording), plus the wake-up of every operation when the target's users think and the sweep's
     * did not.
     *
     * @param busy       the target's busy connections, as the model without this gives them
     * @param throughput the target's throughput, likewise
     * @param cores      the host's cores
     */
    public static HostShare expected(List<SweepStep> steps, double busy, double throughput, boolean wakeUps, int cores) {
        SweepStep atConcurrency = closest(steps, Comparator.comparingDouble(s -> Math.abs(s.busyLittle() - busy)));
        SweepStep atThroughput = closest(steps, Comparator.comparingDouble(s -> Math.abs(s.throughput() - throughput)));
        double wakeUpPct = wakeUps ? 100 * throughput * WAKE_UP_CPU_SECONDS / Math.max(1, cores) : 0;
        return new HostShare(atConcurrency.users(), atConcurrency.simulatorCpuPct(), atConcurrency.hostCpuPct(),
                Math.min(100, atThroughput.simulatorCpuPct() + wakeUpPct));
    }

    private static SweepStep closest(List<SweepStep> steps, Comparator<SweepStep> by) {
        return steps.stream().min(by).orElseThrow();
    }
}
