package io.dbsim.workload.script;

import java.util.List;

/** pgbench's built-in scripts, word for word as pgbench --show-script prints them. */
final class BuiltinScripts {

    record Builtin(String name, String text) {
    }

    private static final String SET_KEYS = """
            \\set aid random(1, 100000 * :scale)
            \\set bid random(1, 1 * :scale)
            \\set tid random(1, 10 * :scale)
            \\set delta random(-5000, 5000)
            """;

    static final List<Builtin> ALL = List.of(
            new Builtin("tpcb-like", SET_KEYS + """
                    BEGIN;
                    UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
                    UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
                    INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                    END;
                    """),
            new Builtin("simple-update", SET_KEYS + """
                    BEGIN;
                    UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                    END;
                    """),
            new Builtin("select-only", """
                    \\set aid random(1, 100000 * :scale)
                    SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                    """));

    private BuiltinScripts() {
    }

    /** pgbench's findBuiltin: a name or an unambiguous prefix of one. */
    static Builtin find(String name) {
        List<Builtin> matches = ALL.stream().filter(b -> b.name().startsWith(name)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        String known = String.join(", ", ALL.stream().map(Builtin::name).toList());
        if (matches.isEmpty()) {
            throw ScriptError.of("built-in script " + name, "there is no such built-in script", "write one of " + known);
        }
        throw ScriptError.of("built-in script " + name, "the name fits " + matches.size() + " built-in scripts ("
                + String.join(", ", matches.stream().map(Builtin::name).toList()) + ")", "write more of the name: one of " + known);
    }
}
