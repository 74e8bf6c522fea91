package io.dbsim.segment;

import io.dbsim.engine.Fairness;
import io.dbsim.engine.FailureSpell;
import io.dbsim.engine.FlowResult;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.observe.Continuity;
import io.dbsim.workload.CommandLatencies;
import io.dbsim.observe.Micros;
import io.dbsim.observe.Observation;
import io.dbsim.observe.PoolAcquireTracker;
import io.dbsim.settings.RunSettings;
import org.HdrHistogram.Histogram;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The segments of a test as one run, so that every report and threshold reads it as it reads a run of one process:
 * counts added, histograms added (percentiles come from the sums, exactly), the time series merged by wall clock
 * ({@link TimelineMerge}), the database as the observing segment saw it, HikariCP's figures over all the pools.
 * Fairness is a pool's, and each segment has a pool of its own: the merged run gives the least fair pool's Jain index
 * and median, over all the users, their extremes and the users starved in their own pool.
 */
public final class RunMerge {

    private RunMerge() {
    }

    public static RunResult of(SegmentSet set) {
        List<SegmentRecord> segments = set.merged().stream().map(SegmentSet.Given::segment).toList();
        SegmentRecord first = segments.getFirst();
        RunSettings whole = first.wholeTest();
        Instant start = segments.stream().map(s -> s.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        Instant end = segments.stream().map(s -> s.run().startedAt().plus(s.run().elapsed())).max(Comparator.naturalOrder())
                .orElseThrow();
        Duration elapsed = Duration.between(start, end);
        Duration measured = elapsed.minus(whole.warmUp()).isNegative() ? Duration.ZERO : elapsed.minus(whole.warmUp());
        List<RunResult> runs = segments.stream().map(SegmentRecord::run).toList();
        Map<String, Integer> users = new LinkedHashMap<>();
        runs.forEach(r -> r.usersByPattern().forEach((pattern, n) -> users.merge(pattern, n, Integer::sum)));
        return new RunResult(whole, first.run().database(), first.run().serverVersion(), users, start, elapsed, measured,
                set.partial(), operations(runs), TimelineMerge.of(segments, start.toEpochMilli(),
                whole.sampleInterval().toMillis()), sum(runs.stream().map(RunResult::wakeUpLateness).toList()),
                fairness(runs.stream().map(RunResult::fairness).toList()), runs.stream().mapToLong(RunResult::droppedArrivals).sum(),
                runs.stream().mapToInt(RunResult::poolSize).sum(), observation(set, segments), flows(runs),
                spells(runs), runs.stream().mapToLong(RunResult::skippedArrivals).sum(), commands(runs), first.run().connectionSource(),
                first.run().threads(), firstErrors(runs));
    }

    /** Each class's message from the first segment that met it. */
    private static Map<String, String> firstErrors(List<RunResult> runs) {
        Map<String, String> first = new LinkedHashMap<>();
        runs.forEach(r -> r.firstErrors().forEach(first::putIfAbsent));
        return first;
    }

    private static List<OperationMetrics.Summary> operations(List<RunResult> runs) {
        Map<String, List<OperationMetrics.Summary>> byName = new LinkedHashMap<>();
        runs.forEach(r -> r.operations().forEach(s -> byName.computeIfAbsent(s.name(), n -> new ArrayList<>()).add(s)));
        return byName.values().stream().map(RunMerge::summary).toList();
    }

    private static OperationMetrics.Summary summary(List<OperationMetrics.Summary> parts) {
        long[] byClass = new long[parts.getFirst().failuresByClass().length];
        parts.forEach(p -> {
            for (int i = 0; i < byClass.length; i++) {
                byClass[i] += p.failuresByClass()[i];
            }
        });
        return new OperationMetrics.Summary(parts.getFirst().name(), sum(parts.stream().map(OperationMetrics.Summary::total).toList()),
                sum(parts.stream().map(OperationMetrics.Summary::poolWait).toList()),
                sum(parts.stream().map(OperationMetrics.Summary::database).toList()),
                sum(parts.stream().map(OperationMetrics.Summary::failedLatency).toList()), byClass,
                parts.stream().mapToLong(OperationMetrics.Summary::retries).sum(),
                added(parts.stream().map(OperationMetrics.Summary::retriesByClass).toList()),
                parts.stream().mapToLong(OperationMetrics.Summary::late).sum());
    }

    /** Counts by failure class added up, class by class. */
    static long[] added(List<long[]> parts) {
        long[] total = new long[parts.getFirst().length];
        parts.forEach(p -> {
            for (int i = 0; i < total.length; i++) {
                total[i] += p[i];
            }
        });
        return total;
    }

    /** Every segment's users' failure spells (each user runs in one segment only); null in the open model, as each run's. */
    private static List<FailureSpell> spells(List<RunResult> runs) {
        if (runs.stream().anyMatch(r -> r.failureSpells() == null)) {
            return null;
        }
        return runs.stream().flatMap(r -> r.failureSpells().stream()).toList();
    }

    /** Each script command's latencies (pgbench -r) added up over the segments that ran it. */
    private static List<CommandLatencies.Stat> commands(List<RunResult> runs) {
        Map<String, List<CommandLatencies.Stat>> byCommand = new LinkedHashMap<>();
        runs.forEach(r -> r.commands().forEach(c -> byCommand.computeIfAbsent(c.operation() + "#" + c.index(),
                k -> new ArrayList<>()).add(c)));
        return byCommand.values().stream().map(parts -> new CommandLatencies.Stat(parts.getFirst().operation(),
                parts.getFirst().index(), parts.getFirst().command(),
                nanos(parts.stream().map(CommandLatencies.Stat::latencyNanos).toList()),
                parts.stream().mapToLong(CommandLatencies.Stat::failed).sum())).toList();
    }

    private static List<FlowResult> flows(List<RunResult> runs) {
        Map<String, List<FlowResult>> byName = new LinkedHashMap<>();
        runs.forEach(r -> r.flows().forEach(f -> byName.computeIfAbsent(f.name(), n -> new ArrayList<>()).add(f)));
        return byName.values().stream().map(parts -> new FlowResult(parts.getFirst().name(), parts.getFirst().steps(),
                summary(parts.stream().map(FlowResult::journeys).toList()))).toList();
    }

    static Histogram sum(List<Histogram> parts) {
        Histogram h = new Histogram(Micros.HIGHEST, Micros.SIGNIFICANT_DIGITS);
        parts.forEach(h::add);
        return h;
    }

    /** Nanosecond histograms as the script's recorders keep them: auto-resizing, three digits. */
    private static Histogram nanos(List<Histogram> parts) {
        Histogram h = new Histogram(3);
        parts.forEach(h::add);
        return h;
    }

    private static Fairness fairness(List<Fairness> pools) {
        List<Fairness> served = pools.stream().filter(f -> f.users() > 0).toList();
        if (served.isEmpty()) {
            return pools.getFirst();
        }
        Fairness least = served.stream().min(Comparator.comparingDouble(Fairness::jainIndex)).orElseThrow();
        return new Fairness(served.stream().mapToInt(Fairness::users).sum(), served.stream().mapToLong(Fairness::minOps).min().orElse(0),
                least.medianOps(), served.stream().mapToLong(Fairness::maxOps).max().orElse(0), least.jainIndex(),
                served.stream().mapToInt(Fairness::starvedUsers).sum(),
                served.stream().mapToDouble(Fairness::worstWaitMs).max().orElse(0));
    }

    /** The observing segment's view of the database, with HikariCP's figures of every pool and what the merge noted. */
    private static Observation observation(SegmentSet set, List<SegmentRecord> segments) {
        Observation seen = segments.stream().filter(SegmentRecord::observes).map(s -> s.run().observation()).findFirst()
                .orElse(null);
        List<PoolAcquireTracker.Summary> pools = segments.stream().map(s -> s.run().observation())
                .filter(o -> o != null && o.hikari() != null).map(Observation::hikari).toList();
        PoolAcquireTracker.Summary hikari = pools.isEmpty() ? null : new PoolAcquireTracker.Summary(
                sum(pools.stream().map(PoolAcquireTracker.Summary::acquire).toList()),
                sum(pools.stream().map(PoolAcquireTracker.Summary::usage).toList()),
                sum(pools.stream().map(PoolAcquireTracker.Summary::connectionCreation).toList()),
                pools.stream().mapToLong(PoolAcquireTracker.Summary::timeouts).sum());
        List<String> notes = new ArrayList<>(notes(set, segments));
        if (seen == null) {
            notes.add("the observing segment 1/" + set.count() + " was left out, so the database was not observed");
            return new Observation(null, null, null, List.of(), hikari, false, notes, List.of(), Continuity.UNBROKEN);
        }
        notes.addAll(seen.notes());
        return new Observation(seen.facts(), seen.delta(), seen.waits(), seen.seqScans(), hikari, seen.statementsAvailable(),
                notes, seen.captured(), seen.continuity());
    }

    private static List<String> notes(SegmentSet set, List<SegmentRecord> segments) {
        List<String> notes = new ArrayList<>();
        int users = segments.stream().mapToInt(s -> s.run().usersByPattern().values().stream().mapToInt(Integer::intValue).sum()).sum();
        notes.add(String.format(Locale.ROOT, "merged from %d of %d segments of test %s (%d users, each segment's histograms "
                + "added, its time series aligned by wall clock)", segments.size(), set.count(), set.test().id(), users));
        if (set.partial()) {
            notes.add("PARTIAL: segments left out: " + String.join(", ", set.leftOut()) + "; the figures cover the rest only");
        }
        Instant first = segments.stream().map(s -> s.run().startedAt()).min(Comparator.naturalOrder()).orElseThrow();
        SegmentRecord last = segments.stream().max(Comparator.comparing(s -> s.run().startedAt())).orElseThrow();
        Duration spread = Duration.between(first, last.run().startedAt());
        if (spread.compareTo(last.wholeTest().sampleInterval()) > 0) {
            notes.add(String.format(Locale.ROOT, "the segments did not start together: segment %s started %.1f s after the first%s",
                    last.label(), spread.toMillis() / 1000.0, last.startAt() == null ? " (give them all the same --start-at)" : ""));
        }
        return notes;
    }
}
