package io.dbsim.analysis.compare;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.dbsim.analysis.RunReport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Whether two runs can be compared at all. A different pattern, user count, load model or data
 * volume makes every row differ for reasons other than the change under test: such runs are refused
 * (unless forced). Differences a comparison is usually made to test (pool size, settings, think
 * time, schema) are listed, not refused.
 */
public record Comparability(List<String> refusals, List<String> differences) {

    /** Tables this many times larger or smaller hold a different data volume, not a run's own inserts. */
    static final double VOLUME_FACTOR = 2;
    /** More growth than this between the runs' starts is named: the data under the measurement moved. */
    static final double GROWTH_PCT = 10;
    /** Settings are described as the JSON report writes them, e.g. stages as [{"duration_s":30.0,"target":50}]. */
    private static final ObjectMapper JSON = new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    public static Comparability of(RunReport a, RunReport b) {
        List<String> refusals = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        RunReport.Config ca = a.config();
        RunReport.Config cb = b.config();
        same(refusals, "pattern", ca.pattern(), cb.pattern());
        same(refusals, "load model", ca.model(), cb.model());
        if (ca.openModel()) {
            same(refusals, "arrival rate (/s)", ca.ratePerSec(), cb.ratePerSec());
        } else if (ca.staged() || cb.staged()) {
            same(refusals, "stages", ca.stages(), cb.stages());
        } else {
            same(refusals, "users", ca.users(), cb.users());
        }
        volume(refusals, a.database().tables(), b.database().tables());
        growth(differences, a.database().tableActivity(), b.database().tableActivity());
        Map<String, Object> va = listed(ca);
        Map<String, Object> vb = listed(cb);
        va.forEach((key, value) -> same(differences, key, value, vb.get(key)));
        same(differences, "server version", a.database().serverVersion(), b.database().serverVersion());
        same(differences, "database", a.database().target(), b.database().target());
        settings(differences, a.database().settings(), b.database().settings());
        if (a.interrupted() || b.interrupted()) {
            differences.add("interrupted by Ctrl-C: " + (a.interrupted() ? "A" : "") + (a.interrupted() && b.interrupted() ? " and " : "")
                    + (b.interrupted() ? "B" : "") + " (figures cover what ran until the stop)");
        }
        return new Comparability(List.copyOf(refusals), List.copyOf(differences));
    }

    /** The settings listed when they differ, by their report names. */
    private static Map<String, Object> listed(RunReport.Config c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("duration_s", c.durationS());
        m.put("ops_per_user", c.opsPerUser());
        m.put("think_time_ms", c.thinkTimeMs());
        m.put("ramp_up_s", c.rampUpS());
        m.put("warm_up_s", c.warmUpS());
        m.put("pool_size", c.poolSize());
        m.put("pool_min_idle", c.poolMinIdle());
        m.put("pool_queue", c.poolQueue());
        m.put("connection_timeout_ms", c.connectionTimeoutMs());
        m.put("max_tries", c.maxTries());
        m.put("seed", c.seed());
        m.put("statement_timeout_ms", c.statementTimeoutMs());
        m.put("pool_properties", c.poolProperties());
        m.put("query_mode", c.queryMode());
        m.put("latency_limit_ms", c.latencyLimitMs());
        return m;
    }

    private static void same(List<String> out, String what, Object a, Object b) {
        if (!Objects.equals(a, b)) {
            out.add(what + " " + text(a) + " -> " + text(b));
        }
    }

    private static String text(Object v) {
        if (v == null) {
            return "(none)";
        }
        if (v instanceof List<?> || v instanceof Map<?, ?>) {
            try {
                return JSON.writeValueAsString(v);
            } catch (JsonProcessingException e) {
                return v.toString();
            }
        }
        return v.toString();
    }

    private static void volume(List<String> out, List<RunReport.TableSize> a, List<RunReport.TableSize> b) {
        Map<String, Long> rowsA = rows(a);
        Map<String, Long> rowsB = rows(b);
        rowsA.forEach((table, ra) -> {
            Long rb = rowsB.get(table);
            if (rb != null && Math.max(ra, rb) > VOLUME_FACTOR * Math.max(1, Math.min(ra, rb)) && Math.max(ra, rb) >= 100) {
                out.add(String.format(Locale.ROOT, "data volume: %s %,d -> %,d rows", table, ra, rb));
            }
        });
    }

    /**
     * Tables that held more than {@link #GROWTH_PCT}% more (or fewer) rows when B started than when A did: the runs
     * measured different data, which a restore between them (run --restore, ab by default) prevents.
     */
    private static void growth(List<String> out, List<RunReport.TableActivity> a, List<RunReport.TableActivity> b) {
        if (a == null || b == null) {
            return;
        }
        Map<String, Long> startA = new TreeMap<>();
        a.forEach(t -> {
            if (t.liveRowsAtStart() != null) {
                startA.put(t.table(), t.liveRowsAtStart());
            }
        });
        for (RunReport.TableActivity t : b) {
            Long before = startA.get(t.table());
            if (before == null || t.liveRowsAtStart() == null || before < 100) {
                continue;
            }
            double pct = 100.0 * (t.liveRowsAtStart() - before) / before;
            if (Math.abs(pct) > GROWTH_PCT) {
                out.add(String.format(Locale.ROOT, "data changed between the runs: %s held %,d rows when A started and %,d when B "
                        + "started (%+.0f%%): restore the data before each run (run --restore; ab and sweep do by default)",
                        t.table(), before, t.liveRowsAtStart(), pct));
            }
        }
    }

    private static Map<String, Long> rows(List<RunReport.TableSize> tables) {
        Map<String, Long> m = new TreeMap<>();
        if (tables != null) {
            tables.forEach(t -> m.put(t.table(), t.rows()));
        }
        return m;
    }

    private static void settings(List<String> out, Map<String, String> a, Map<String, String> b) {
        if (a == null || b == null) {
            return;
        }
        a.forEach((name, value) -> {
            if (b.containsKey(name) && !Objects.equals(value, b.get(name))) {
                out.add("setting " + name + " " + text(value) + " -> " + text(b.get(name)));
            }
        });
    }
}
