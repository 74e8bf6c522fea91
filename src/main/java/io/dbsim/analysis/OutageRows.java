package io.dbsim.analysis;

import io.dbsim.analysis.RunReport.GapRow;
import io.dbsim.analysis.RunReport.OutageRow;
import io.dbsim.analysis.RunReport.OutagesSection;
import io.dbsim.analysis.RunReport.RestartRow;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.Continuity;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import static io.dbsim.analysis.Round.milli;

/**
 * The report's outages section, built once from the outages found and what the observer lived through, with the
 * notes and assessment lines that say it in words; times in seconds since the run started.
 */
final class OutageRows {

    static final int MIN_GAP_SAMPLES = 2;

    private OutageRows() {
    }

    static OutagesSection section(RunResult run, Outages outages) {
        Continuity c = run.observation() == null || run.observation().continuity() == null ? Continuity.UNBROKEN
                : run.observation().continuity();
        Instant start = run.startedAt();
        List<OutageRow> events = outages.outages().stream().map(OutageRows::row).toList();
        List<RestartRow> restarts = c.restarts().stream().map(at -> new RestartRow(at.toString(), seconds(start, at))).toList();
        return new OutagesSection(events, restarts, gaps(run, c), c.countersReset().stream().sorted().toList());
    }

    /**
     * Stretches of two samples or more without database figures while the observer was watching: it lost the server
     * (the reason is its connection's failure) or the server did not answer in time. The closing sample reads no database.
     */
    private static List<GapRow> gaps(RunResult run, Continuity c) {
        List<TimePoint> points = run.timeSeries().subList(0, Math.max(0, run.timeSeries().size() - 1));
        List<GapRow> gaps = new ArrayList<>();
        if (points.stream().noneMatch(p -> p.database() != null)) {
            return gaps;
        }
        int i = 0;
        while (i < points.size()) {
            if (points.get(i).database() != null) {
                i++;
                continue;
            }
            int first = i;
            while (i < points.size() && points.get(i).database() == null) {
                i++;
            }
            if (i - first >= MIN_GAP_SAMPLES) {
                double from = first == 0 ? 0 : points.get(first - 1).elapsedSeconds();
                Double to = i < points.size() ? points.get(i).elapsedSeconds() : null;
                gaps.add(new GapRow(milli(from), to == null ? null : milli(to), reason(run.startedAt(), c, from, to)));
            }
        }
        return gaps;
    }

    private static String reason(Instant start, Continuity c, double from, Double to) {
        return c.gaps().stream().filter(g -> seconds(start, g.lost()) <= (to == null ? Double.MAX_VALUE : to)
                        && (g.resumed() == null || seconds(start, g.resumed()) >= from))
                .map(g -> "connection lost: " + g.reason()).findFirst().orElse("the server did not answer in time");
    }

    private static OutageRow row(Outages.Outage o) {
        return new OutageRow(milli(o.startedAtS()), milli(o.endedAtS()), milli(o.endedAtS() - o.startedAtS()),
                o.recoveredAtS() == null ? null : milli(o.recoveredAtS()), o.recoverySeconds() == null ? null : milli(o.recoverySeconds()),
                milli(o.baselineOpsPerSec()), milli(o.baselineP95Ms()), milli(o.lowestOpsPerSec()), milli(o.worstP95Ms()),
                o.stalled(), o.failures(), nonZero(o.failuresByClass()), o.retries(), nonZero(o.retriesByClass()),
                Math.round(o.operationsLost()), o.usersGaveUp());
    }

    private static Map<String, Long> nonZero(long[] byClass) {
        Map<String, Long> m = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            if (byClass[e.ordinal()] > 0) {
                m.put(e.label(), byClass[e.ordinal()]);
            }
        }
        return m;
    }

    private static double seconds(Instant start, Instant at) {
        return milli(Duration.between(start, at).toNanos() / 1e9);
    }

    /** One sentence per outage: when, what failed, how long to recover, what it cost. */
    static String sentence(OutageRow o) {
        String what = o.failuresByClass().isEmpty() ? "no failures" : classes(o.failuresByClass());
        String recovery = o.recoveryS() == null
                ? "throughput and p95 were not back within 10% of before when the run ended"
                : String.format(Locale.ROOT, "throughput and p95 back within 10%% of before %.1f s after it began", o.recoveryS());
        return String.format(Locale.ROOT, "outage from %.1f s to %.1f s%s: %s; %s; %,d operation%s lost%s%s", o.startedAtS(),
                o.endedAtS(), o.stalled() ? " (throughput fell to near zero)" : "", what, recovery, o.operationsLost(),
                o.operationsLost() == 1 ? "" : "s",
                o.usersGaveUp() == null ? "" : String.format(Locale.ROOT, ", %,d user%s gave up an operation", o.usersGaveUp(),
                        o.usersGaveUp() == 1 ? "" : "s"),
                o.retries() == 0 ? "" : ", " + classes(o.retriesByClass()) + " retried");
    }

    static String classes(Map<String, Long> byClass) {
        return byClass.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    static List<String> assessment(OutagesSection s) {
        return s.events().stream().map(OutageRows::sentence).toList();
    }

    /** What the observer lived through, for the report's notes. */
    static List<String> notes(OutagesSection s) {
        List<String> notes = new ArrayList<>();
        for (RestartRow r : s.serverRestarts()) {
            notes.add(String.format(Locale.ROOT, "the server restarted during the run: it started again at %.1f s (%s)", r.atS(), r.at()));
        }
        for (GapRow g : s.observerGaps()) {
            notes.add(g.resumedAtS() == null
                    ? String.format(Locale.ROOT, "the observer could not read the server from %.1f s to the end (%s): the time series "
                    + "has no database figures after it", g.lostAtS(), g.reason())
                    : String.format(Locale.ROOT, "the observer could not read the server from %.1f s to %.1f s (%s): the time series "
                    + "has no database figures in between; it went on sampling (reconnecting with backoff) once the server answered",
                    g.lostAtS(), g.resumedAtS(), g.reason()));
        }
        if (!s.countersReset().isEmpty()) {
            notes.add(String.join(", ", s.countersReset()) + " started again from zero during the run (a restart after a crash, "
                    + "or a statistics reset): their figures in this report count from then, not from the start of the run");
        } else if (!s.serverRestarts().isEmpty()) {
            notes.add("the server kept its cumulative statistics across the restart, so the run's database and statement figures "
                    + "span it");
        }
        return notes;
    }
}
