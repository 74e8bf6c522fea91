package io.dbsim.analysis.compare;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    public static Comparability of(JsonNode a, JsonNode b) {
        List<String> refusals = new ArrayList<>();
        List<String> differences = new ArrayList<>();
        JsonNode ca = a.path("config");
        JsonNode cb = b.path("config");
        same(refusals, "pattern", ca.path("pattern"), cb.path("pattern"));
        same(refusals, "load model", ca.path("model"), cb.path("model"));
        if (ca.path("model").asText().equals("open")) {
            same(refusals, "arrival rate (/s)", ca.path("rate_per_sec"), cb.path("rate_per_sec"));
        } else if (!ca.path("stages").isEmpty() || !cb.path("stages").isEmpty()) {
            same(refusals, "stages", ca.path("stages"), cb.path("stages"));
        } else {
            same(refusals, "users", ca.path("users"), cb.path("users"));
        }
        volume(refusals, a.path("database").path("tables"), b.path("database").path("tables"));
        for (String key : List.of("duration_s", "ops_per_user", "think_time_ms", "ramp_up_s", "warm_up_s", "pool_size",
                "pool_min_idle", "pool_queue", "connection_timeout_ms", "max_tries", "seed", "statement_timeout_ms",
                "pool_properties")) {
            same(differences, key, ca.path(key), cb.path(key));
        }
        same(differences, "server version", a.path("database").path("server_version"), b.path("database").path("server_version"));
        same(differences, "database", a.path("database").path("target"), b.path("database").path("target"));
        settings(differences, a.path("database").path("settings"), b.path("database").path("settings"));
        if (a.path("interrupted").asBoolean() || b.path("interrupted").asBoolean()) {
            differences.add("interrupted by Ctrl-C: " + (a.path("interrupted").asBoolean() ? "A" : "")
                    + (a.path("interrupted").asBoolean() && b.path("interrupted").asBoolean() ? " and " : "")
                    + (b.path("interrupted").asBoolean() ? "B" : "") + " (figures cover what ran until the stop)");
        }
        return new Comparability(List.copyOf(refusals), List.copyOf(differences));
    }

    private static void same(List<String> out, String what, JsonNode a, JsonNode b) {
        if (!a.equals(b)) {
            out.add(what + " " + text(a) + " -> " + text(b));
        }
    }

    private static String text(JsonNode n) {
        return n.isMissingNode() || n.isNull() ? "(none)" : n.isValueNode() ? n.asText() : n.toString();
    }

    private static void volume(List<String> out, JsonNode a, JsonNode b) {
        Map<String, Long> rowsA = rows(a);
        Map<String, Long> rowsB = rows(b);
        rowsA.forEach((table, ra) -> {
            Long rb = rowsB.get(table);
            if (rb != null && Math.max(ra, rb) > VOLUME_FACTOR * Math.max(1, Math.min(ra, rb)) && Math.max(ra, rb) >= 100) {
                out.add(String.format(Locale.ROOT, "data volume: %s %,d -> %,d rows", table, ra, rb));
            }
        });
    }

    private static Map<String, Long> rows(JsonNode tables) {
        Map<String, Long> m = new TreeMap<>();
        for (JsonNode t : tables) {
            m.put(t.path("table").asText(), t.path("rows").asLong());
        }
        return m;
    }

    private static void settings(List<String> out, JsonNode a, JsonNode b) {
        Iterator<String> names = a.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (b.has(name) && !a.get(name).equals(b.get(name))) {
                out.add("setting " + name + " " + text(a.get(name)) + " -> " + text(b.get(name)));
            }
        }
    }
}
