package io.dbsim.experiment;

import io.dbsim.analysis.SweepSteps;
import io.dbsim.analysis.capacity.PacedStep;
import io.dbsim.analysis.capacity.Sweep;
import io.dbsim.analysis.capacity.SweepStep;
import io.dbsim.analysis.capacity.UslFit;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.settings.Durations;
import io.dbsim.settings.RunSettings;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * The same workload at several user counts or pool sizes: an unmeasured warm-up first (JIT, caches), then each
 * step its own warm-up and measured part; with several rounds the order alternates (up, down, up) so a machine
 * that drifts does not tilt the curve, and each step keeps its median round. A sweep of users at think time 0 ends
 * with paced steps ({@link PacedStep}): many thinking users asking for a quarter, a half and three quarters of the
 * highest throughput measured, once each, on a pool of the database's peak concurrency. Ctrl-C keeps the finished steps.
 */
public final class SweepExperiment {

    /** The paced steps' throughput asked for, as shares of the closed steps' highest. */
    static final double[] PACED_SHARES = {0.25, 0.5, 0.75};
    /**
     * A paced step's users think at most this long: fewer users when the database is slow, so that the step's warm-up
     * (two think times, for the users' first operations to spread out) stays short.
     */
    static final Duration MAX_PACED_THINK = Duration.ofSeconds(2);

    /** One step: this many users on a pool of this size. */
    public record Step(int users, int pool) {
    }

    private final RunSettings base;
    private final Workload workload;
    private final Pattern pattern;
    private final ConnectionInfo database;
    private final List<Step> steps;
    private final Duration stepDuration;
    private final int repeat;
    private final ExperimentListener listener;
    private final BeforeRun beforeRun;
    private final int pacedUsers;
    private final Stoppable runs = new Stoppable();

    /**
     * @param base the settings every step shares (think time, seed, pool timeout...); its warm-up is each step's
     *             unmeasured start and the length of the run before the first step
     * @param pacedUsers the most users of a paced step; 0 for none
     */
    public SweepExperiment(RunSettings base, Workload workload, Pattern pattern, ConnectionInfo database, List<Step> steps, Duration stepDuration,
                           int repeat, ExperimentListener listener, BeforeRun beforeRun, int pacedUsers) {
        this.base = base;
        this.workload = workload;
        this.pattern = pattern.blended();
        this.database = database;
        this.steps = List.copyOf(steps);
        this.stepDuration = stepDuration;
        this.repeat = repeat;
        this.listener = listener;
        this.beforeRun = beforeRun;
        this.pacedUsers = pacedUsers;
    }

    public void stop(long timeout, TimeUnit unit) throws InterruptedException {
        runs.stop(timeout, unit);
    }

    /** @param varied "users" or "pool size", as the sweep file says what changed between steps */
    public Sweep run(String patternName, String varied) {
        String startedAt = Instant.now().toString();
        Duration warmUp = base.warmUp();
        String target = database.hostAndDatabase();
        String serverVersion = null;
        boolean interrupted = false;
        if (!warmUp.isZero()) {
            Step middle = steps.get(steps.size() / 2);
            listener.said(String.format(Locale.ROOT, "sweep: warming up the simulator and the database's caches for %s at %d users (not measured)",
                    Durations.format(warmUp), middle.users()));
            runs.run(new Simulation(base.step(middle.users(), middle.pool(), warmUp, Duration.ZERO), workload, pattern, database,
                    RunListener.NONE));
        }
        List<List<SweepStep>> rounds = new ArrayList<>();
        steps.forEach(s -> rounds.add(new ArrayList<>()));
        for (int round = 1; round <= repeat && !runs.stopped(); round++) {
            List<Integer> order = new ArrayList<>(IntStream.range(0, steps.size()).boxed().toList());
            if (round % 2 == 0) {
                Collections.reverse(order);
            }
            for (int i : order) {
                if (runs.stopped()) {
                    break;
                }
                Step step = steps.get(i);
                String label = (repeat > 1 ? "round " + round + "/" + repeat + ", " : "") + "step " + (i + 1) + "/" + steps.size();
                RunResult result = runStep(label, String.format(Locale.ROOT, "%d user%s, pool %d, %s after %s warm-up",
                        step.users(), step.users() == 1 ? "" : "s", step.pool(), Durations.format(stepDuration),
                        Durations.format(warmUp)), base.step(step.users(), step.pool(), warmUp.plus(stepDuration), warmUp));
                if (result == null) {
                    break;
                }
                serverVersion = result.serverVersion();
                SweepStep measured = SweepSteps.from(result);
                rounds.get(i).add(measured);
                listener.stepMeasured(label, measured);
                interrupted |= result.interrupted();
            }
        }
        List<SweepStep> done = new ArrayList<>();
        for (List<SweepStep> r : rounds) {
            List<SweepStep> finished = r.stream().filter(x -> !x.interrupted()).toList();
            if (!finished.isEmpty()) {
                done.add(SweepStep.medianOf(finished));
            } else if (!r.isEmpty()) {
                done.add(r.get(0));
            }
        }
        List<PacedStep> paced = new ArrayList<>();
        if (pacedUsers > 0 && base.thinkTime().isZero() && "users".equals(varied)) {
            interrupted |= paced(done, paced);
        }
        interrupted |= runs.stopped();
        return new Sweep(Sweep.SCHEMA_VERSION, "dbsim", startedAt, target, serverVersion, patternName, varied,
                base.thinkTime().toNanos() / 1e6, stepDuration.toNanos() / 1e9, warmUp.toNanos() / 1e9, base.seed(), interrupted,
                List.copyOf(done), paced);
    }

    /** Says what the step is, prepares the data and runs it; null when the sweep was stopped. */
    private RunResult runStep(String label, String what, RunSettings settings) {
        listener.said("sweep: " + label + ": " + what);
        beforeRun.prepare("sweep: " + label);
        return runs.run(new Simulation(settings, workload, pattern, database, listener.runs()));
    }

    /**
     * The pool a tuned application would use: as many connections as the database's modelled peak concurrency (the
     * USL fitted to the closed steps), at least the fastest step's users and at most the largest step's pool. On the
     * sweep's own larger pool the busiest paced step piled up 28 backends and measured their contention; on the
     * fastest step's 4 connections the paced holds were 28% shorter than a target's on 8.
     */
    private int pacedPool(List<SweepStep> closed, SweepStep fastest) {
        if (fastest == null) {
            return 1;
        }
        int largest = steps.stream().mapToInt(Step::pool).max().orElse(1);
        int least = Math.min(largest, Math.max(1, Math.min(fastest.users(), fastest.poolSize())));
        List<UslFit.Point> points = closed.stream().filter(s -> !s.interrupted() && s.busyLittle() > 0)
                .map(s -> new UslFit.Point(s.busyLittle(), s.throughput())).toList();
        if (points.size() < 3) {
            return least;
        }
        double peak = UslFit.fit(points).model().peakConcurrency();
        return Double.isFinite(peak) ? (int) Math.max(least, Math.min(largest, Math.round(peak))) : least;
    }

    /** Runs the paced steps after the closed ones, adding what they measured to {@code paced}; true when one was interrupted. */
    private boolean paced(List<SweepStep> closed, List<PacedStep> paced) {
        SweepStep fastest = closed.stream().filter(s -> !s.interrupted()).max(Comparator.comparingDouble(SweepStep::throughput))
                .orElse(null);
        double peak = fastest == null ? 0 : fastest.throughput();
        int pool = pacedPool(closed, fastest);
        boolean interrupted = false;
        for (int i = 0; i < PACED_SHARES.length && peak > 0 && !runs.stopped(); i++) {
            double rate = PACED_SHARES[i] * peak;
            int users = (int) Math.max(1, Math.min(pacedUsers, Math.round(rate * MAX_PACED_THINK.toNanos() / 1e9)));
            Duration think = Duration.ofMillis(Math.max(1, Math.round(1000.0 * users / rate)));
            Duration warmUp = base.warmUp().compareTo(think.multipliedBy(2)) >= 0 ? base.warmUp() : think.multipliedBy(2);
            String label = "paced step " + (i + 1) + "/" + PACED_SHARES.length;
            RunResult result = runStep(label, String.format(Locale.ROOT, "%d users thinking %s (%.0f%% of the peak measured), "
                            + "pool %d, %s after %s warm-up", users, Durations.format(think), 100 * PACED_SHARES[i], pool,
                    Durations.format(stepDuration), Durations.format(warmUp)),
                    base.toBuilder().thinkTime(think).build().step(users, pool, warmUp.plus(stepDuration), warmUp));
            if (result == null) {
                break;
            }
            SweepStep measured = SweepSteps.from(result);
            listener.stepMeasured(label, measured);
            paced.add(new PacedStep(think.toNanos() / 1e6, PACED_SHARES[i], measured));
            interrupted |= result.interrupted();
        }
        return interrupted;
    }
}
