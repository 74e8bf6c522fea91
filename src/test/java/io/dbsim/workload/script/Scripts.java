package io.dbsim.workload.script;

import io.dbsim.workload.ConnectionLease;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

/** Test shortcuts: parse a script from text, run meta-only scripts without a database. */
final class Scripts {

    static final Defines NO_DEFINES = Defines.of(List.of(), 1, PgbenchSeeds.of(0, 1));

    /** A lease for scripts that must not touch the database. */
    static final ConnectionLease NO_DATABASE = new ConnectionLease() {
        @Override
        public Connection acquire() {
            throw new AssertionError("this script should not need a connection");
        }

        @Override
        public void release(Connection connection) {
            throw new AssertionError("this script should not need a connection");
        }
    };

    private Scripts() {
    }

    static Script parse(String text) {
        return ScriptParser.parse(ScriptSource.text("test.sql", text), NO_DEFINES);
    }

    static Script parse(String text, Defines defines) {
        return ScriptParser.parse(ScriptSource.text("test.sql", text), defines);
    }

    /** Runs a script of meta commands once and returns what its debug() calls printed, without the prefix. */
    static List<String> debugOutput(Script script, int clientId, java.util.random.RandomGenerator random) throws Exception {
        List<String> lines = new ArrayList<>();
        script.newClient(clientId, random, lines::add).execute(NO_DATABASE, StatementTimer.NONE);
        return lines.stream().map(line -> line.substring(line.indexOf("): ") + 3)).toList();
    }

    /** The value of {@code expression} as pgbench's debug() prints it, or "error: message" when evaluating fails. */
    static String eval(String expression) {
        Script script = parse("\\set x debug(" + expression + ")\n");
        try {
            return debugOutput(script, 0, PgPrng.seeded(1)).get(0);
        } catch (ScriptFailure failure) {
            return "error: " + failure.getMessage();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
