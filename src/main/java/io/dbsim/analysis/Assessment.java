package io.dbsim.analysis;

import io.dbsim.engine.RunResult;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A plain reading of the numbers, each line stating the figure it rests on. */
public final class Assessment {

    /** Tables that grow or shrink by more than this over a run are named: the next run would measure other data. */
    static final double GROWTH_PCT = 10;

    private Assessment() {
    }

    public static List<String> of(RunResult run, RunSummary s, List<Finding> findings, Optional<SpikeRecovery> spike,
                                  Optional<Trends> trends) {
        List<String> lines = new ArrayList<>();
        double mean = RunSummary.meanMs(s.total());
        double p95 = RunSummary.ms(s.total(), 95);
        String speed = mean < 100 ? "excellent" : mean < 500 ? "good" : mean < 1000 ? "fair" : "poor";
        lines.add(String.format(Locale.ROOT, "response time %s: average %.1f ms, p95 %.1f ms", speed, mean, p95));
        if (s.failed() == 0) {
            lines.add("no failed operations");
        } else {
            lines.add(String.format(Locale.ROOT, "%.2f%% of operations failed (%d): see errors by class", s.errorRate(), s.failed()));
        }
        if (findings.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "no bottleneck found: %.1f%% of response time is spent waiting for a connection",
                    s.poolWaitShare()));
        } else {
            lines.add(findings.size() + (findings.size() == 1 ? " bottleneck" : " bottlenecks") + " found; the most costly: "
                    + findings.get(0).title());
        }
        if (run.fairness().users() > 1 && run.fairness().starvedUsers() > 0) {
            lines.add(String.format(Locale.ROOT, "%d users got less than half the median user's operations: the pool "
                    + "served users unevenly (Jain index %.2f)", run.fairness().starvedUsers(), run.fairness().jainIndex()));
        }
        spike.filter(sp -> sp.recoverySeconds() == null).ifPresent(sp -> lines.add(String.format(Locale.ROOT,
                "after the spike to %d users, p95 did not return within 10%% of its baseline (%.1f ms) before the run ended",
                sp.spikeUsers(), sp.baselineP95Ms())));
        trends.ifPresent(tr -> {
            if (tr.leakSuspected()) {
                lines.add(String.format(Locale.ROOT, "a leak is suspected: heap after GC %.0f -> %.0f MB, backends %.1f -> %.1f over %.0f s",
                        tr.heap().start(), tr.heap().end(), tr.backends().start(), tr.backends().end(), tr.measuredSeconds()));
            }
            if (tr.latencyDrift()) {
                lines.add(String.format(Locale.ROOT, "latency drifts up over the run: p95 %.1f -> %.1f ms", tr.p95().start(), tr.p95().end())
                        + tr.driftCause().map(Assessment::driftCause).orElse(""));
            }
        });
        if (run.observation() != null && run.observation().delta() != null) {
            run.observation().delta().tables().stream()
                    .filter(t -> t.liveRowsAtStart() >= 100 && Math.abs(t.liveRows() - t.liveRowsAtStart()) > GROWTH_PCT / 100 * t.liveRowsAtStart())
                    .forEach(t -> lines.add(String.format(Locale.ROOT, "the run changed %s by %+.0f%% (%,d -> %,d rows): a later run "
                                    + "measures other data unless it is restored first (run --restore; sweep and ab restore by default)",
                            t.table(), 100.0 * (t.liveRows() - t.liveRowsAtStart()) / t.liveRowsAtStart(), t.liveRowsAtStart(), t.liveRows())));
        }
        if (run.droppedArrivals() > 0) {
            lines.add(String.format(Locale.ROOT, "%d arrivals were dropped: --max-users in flight were not enough for the rate",
                    run.droppedArrivals()));
        }
        return lines;
    }

    private static String driftCause(Trends.DriftCause c) {
        String shares = Double.isNaN(c.databaseShare())
                ? String.format(Locale.ROOT, "the pool wait accounts for %.0f%%; the database's part is unknown without pg_stat_statements",
                100 * c.poolShare())
                : String.format(Locale.ROOT, "the database's execution time accounts for %.0f%%, the pool wait %.0f%%, the simulator "
                + "and network %.0f%%", 100 * c.databaseShare(), 100 * c.poolShare(), 100 * c.restShare());
        String reading = switch (c.dominant()) {
            case "database" -> ": the database slowed, not the simulator (a table the run grew, or bloat, is the usual cause)";
            case "pool" -> ": operations waited longer for a connection";
            case "simulator" -> ": the time went outside the database and the pool, on the simulator's host or the network";
            default -> "";
        };
        return String.format(Locale.ROOT, "; of the mean's rise (%+.2f ms) ", c.meanRiseMs()) + shares + reading;
    }
}
