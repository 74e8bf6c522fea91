package io.dbsim.analysis;

import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;

import java.util.List;

/**
 * The pool over the run's samples. Saturation is the share of samples in which users were waiting
 * for a connection; the closing sample, taken after the users stopped, is left out.
 */
public record PoolUse(int samples, double saturationPct, int peakWaiting, double meanWaiting, double meanBusy,
                      double utilisationPct, double meanSimulatorCpuPct, double peakSimulatorCpuPct, double meanHostCpuPct) {

    public static PoolUse of(RunResult run) {
        return of(run, 0);
    }

    /** Over the samples taken after {@code fromSeconds} only (a sweep step's measured part). */
    public static PoolUse of(RunResult run, double fromSeconds) {
        List<TimePoint> all = run.timeSeries().size() > 1
                ? run.timeSeries().subList(0, run.timeSeries().size() - 1) : run.timeSeries();
        List<TimePoint> points = all.stream().filter(p -> p.elapsedSeconds() > fromSeconds).toList();
        if (points.isEmpty()) {
            points = all;
        }
        int n = points.size();
        if (n == 0) {
            return new PoolUse(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        int saturated = 0;
        int peak = 0;
        double waiting = 0;
        double busy = 0;
        double cpu = 0;
        double cpuPeak = 0;
        double host = 0;
        for (TimePoint p : points) {
            saturated += p.poolWaiting() > 0 ? 1 : 0;
            peak = Math.max(peak, p.poolWaiting());
            waiting += p.poolWaiting();
            busy += p.poolBusy();
            cpu += p.host().simulatorCpuPct();
            cpuPeak = Math.max(cpuPeak, p.host().simulatorCpuPct());
            host += p.host().hostCpuPct();
        }
        return new PoolUse(n, 100.0 * saturated / n, peak, waiting / n, busy / n,
                100.0 * busy / n / Math.max(1, run.poolSize()), cpu / n, cpuPeak, host / n);
    }
}
