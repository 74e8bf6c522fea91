package io.dbsim.analysis;

import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Stage;

import java.util.List;
import java.util.Optional;

/**
 * For a staged run shaped like a spike (a steady stage, a jump to more users, a drop back): the
 * baseline p95 of the steady stage, the worst p95 under the spike, and how long after the drop the
 * p95 was back within 10% of the baseline for two samples in a row (counted from the start of the
 * first of them).
 *
 * @param recoverySeconds null when the p95 did not come back before the run ended
 */
public record SpikeRecovery(double baselineP95Ms, double baselineFromS, double baselineToS, int baselineUsers, int spikeUsers,
                            double spikeP95Ms, double dropAtS, Double recoveredAtS, Double recoverySeconds) {

    static final double WITHIN = 1.10;
    static final int CONSECUTIVE = 2;

    public static Optional<SpikeRecovery> of(RunResult run) {
        RunSettings c = run.config();
        if (!c.staged()) {
            return Optional.empty();
        }
        List<Stage> stages = c.stages();
        double[] ends = new double[stages.size()];
        double t = 0;
        for (int i = 0; i < stages.size(); i++) {
            t += stages.get(i).duration().toMillis() / 1000.0;
            ends[i] = t;
        }
        int steady = -1;
        for (int i = 1; i < stages.size(); i++) {
            if (stages.get(i).target() == stages.get(i - 1).target() && stages.get(i).target() > 0) {
                steady = i;
                break;
            }
        }
        if (steady < 0) {
            return Optional.empty();
        }
        int base = stages.get(steady).target();
        int peak = steady;
        for (int i = steady + 1; i < stages.size(); i++) {
            if (stages.get(i).target() > stages.get(peak).target()) {
                peak = i;
            }
        }
        int drop = -1;
        for (int i = peak + 1; i < stages.size(); i++) {
            if (stages.get(i).target() <= base && stages.get(i).target() > 0) {
                drop = i;
                break;
            }
        }
        // A ramp down to zero users is an ending, not a return to the steady load.
        if (peak == steady || drop < 0 || drop == stages.size() - 1) {
            return Optional.empty();
        }
        double fromS = ends[steady - 1];
        double toS = ends[steady];
        double dropAt = ends[drop];
        List<TimePoint> points = run.timeSeries();
        double[] baseline = points.stream().filter(p -> p.elapsedSeconds() > fromS && p.elapsedSeconds() <= toS && p.operations() > 0)
                .mapToDouble(TimePoint::p95Ms).sorted().toArray();
        if (baseline.length == 0) {
            return Optional.empty();
        }
        double baselineP95 = baseline[baseline.length / 2];
        double spikeP95 = points.stream().filter(p -> p.elapsedSeconds() > toS && p.elapsedSeconds() <= dropAt)
                .mapToDouble(TimePoint::p95Ms).max().orElse(0);
        // The closing sample, taken when the users have stopped, is not part of the recovery.
        List<TimePoint> after = points.subList(0, Math.max(0, points.size() - 1)).stream()
                .filter(p -> p.elapsedSeconds() > dropAt).toList();
        if (after.isEmpty()) {
            return Optional.empty();
        }
        Double recoveredAt = null;
        int good = 0;
        for (int i = 0; i < after.size(); i++) {
            TimePoint p = after.get(i);
            // A sample with users but no finished operation is a stall, not a recovery.
            good = p.operations() > 0 && p.p95Ms() <= WITHIN * baselineP95 ? good + 1 : 0;
            if (good == CONSECUTIVE) {
                int first = i - CONSECUTIVE + 1;
                recoveredAt = first == 0 ? dropAt : Math.max(dropAt, after.get(first - 1).elapsedSeconds());
                break;
            }
        }
        return Optional.of(new SpikeRecovery(baselineP95, fromS, toS, base, stages.get(peak).target(), spikeP95, dropAt,
                recoveredAt, recoveredAt == null ? null : recoveredAt - dropAt));
    }
}
