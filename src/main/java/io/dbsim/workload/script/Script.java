package io.dbsim.workload.script;

import java.util.List;
import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * A parsed, checked and compiled pgbench script, shared by every client that runs it. Immutable
 * and thread-safe; each simulated user runs it through its own {@link ScriptClient}.
 */
public final class Script {

    private final String name;
    private final int weight;
    private final List<ScriptCommand> commands;
    private final int sqlCommandCount;
    private final Step[] steps;
    private final VariableLayout layout;

    Script(String name, int weight, List<ScriptCommand> commands, int sqlCommandCount, Step[] steps, VariableLayout layout) {
        this.name = name;
        this.weight = weight;
        this.commands = commands;
        this.sqlCommandCount = sqlCommandCount;
        this.steps = steps;
        this.layout = layout;
    }

    /** The file name or built-in name, as messages show it. */
    public String name() {
        return name;
    }

    public int weight() {
        return weight;
    }

    /** The commands in script order; a {@link StatementTimer} and a {@link ScriptFailure} refer to them by index. */
    public List<ScriptCommand> commands() {
        return commands;
    }

    public int sqlCommandCount() {
        return sqlCommandCount;
    }

    /** A client whose debug() output goes to standard error, as pgbench's does. */
    public ScriptClient newClient(int clientId, RandomGenerator random) {
        return newClient(clientId, random, System.err::println);
    }

    /**
     * One simulated user's state, made once: its variables (kept from one execution to the next, as
     * in pgbench) and its random stream.
     *
     * @param clientId the value of :client_id, 0-based
     * @param debug    where debug() lines go
     */
    public ScriptClient newClient(int clientId, RandomGenerator random, Consumer<String> debug) {
        return newClient(clientId, random, debug, StatementLog.NONE);
    }

    /** @param log told of each SQL command the first time this client runs it, with the values it ran with */
    public ScriptClient newClient(int clientId, RandomGenerator random, Consumer<String> debug, StatementLog log) {
        return newClient(clientId, random, debug, log, newStatements());
    }

    /** @param statements where the clients of one run keep this script's statements on each connection */
    ScriptClient newClient(int clientId, RandomGenerator random, Consumer<String> debug, StatementLog log,
                           PreparedStatements statements) {
        return new ScriptClient(this, new ClientVariables(layout, clientId, random, debug, name), log, statements);
    }

    /** A home for this script's statements, for the clients that share connections. */
    PreparedStatements newStatements() {
        return new PreparedStatements(steps.length);
    }

    Step[] steps() {
        return steps;
    }
}
