package io.dbsim.workload.script;

import io.dbsim.workload.Command;
import io.dbsim.workload.CommandLatencies;
import io.dbsim.workload.CommandWork;
import io.dbsim.workload.ConnectionLease;
import io.dbsim.workload.OperationContext;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * A script as an operation: one execution is one pgbench transaction on the user's lease, run by a client of the
 * user's own, made at its first execution and kept for the run, so variables carry over from one execution to the
 * next as on a pgbench connection. Its SQL is recorded under the operation's name the first time each user runs it.
 */
final class ScriptWork implements CommandWork {

    private final Script script;
    private final int slot;
    private final PgbenchSeeds seeds;
    private final List<Command> commands;
    private final PreparedStatements statements;
    private final Function<OperationContext, User> newUser = this::newUser;

    /** @param slot the operation's index: where each user keeps its client */
    ScriptWork(Script script, int slot, PgbenchSeeds seeds) {
        this.script = script;
        this.slot = slot;
        this.seeds = seeds;
        this.commands = script.commands().stream().map(c -> new Command(c.line(), c.sql(), c.text())).toList();
        this.statements = script.newStatements();
    }

    @Override
    public List<Command> commands() {
        return commands;
    }

    @Override
    public void run(ConnectionLease lease, OperationContext ctx) throws SQLException, InterruptedException {
        User user = ctx.userState(slot, User.class, newUser);
        user.recorder = ctx.commandRecorder();
        try {
            user.client.execute(lease, user);
        } catch (ScriptFailure failure) {
            user.recorder.failed(failure.commandIndex());
            throw failure;
        }
    }

    /**
     * A user's client, seeded as pgbench seeds its client of the same number when the run's users are among the
     * seeds' clients; an open model's arrival, a client of its own, from its own random stream.
     */
    private User newUser(OperationContext ctx) {
        int id = ctx.user();
        RandomGenerator random = id < seeds.clients() ? seeds.clientRandom(id) : PgPrng.seeded(ctx.random().nextLong());
        return new User(script.newClient(id, random, System.err::println, ctx::sent, statements));
    }

    /** One user's client, and the recorder of the execution in hand (none in the warm-up). */
    private static final class User implements StatementTimer {
        private final ScriptClient client;
        private CommandLatencies.Recorder recorder = CommandLatencies.Recorder.NONE;

        User(ScriptClient client) {
            this.client = client;
        }

        @Override
        public void record(int commandIndex, long nanos) {
            recorder.completed(commandIndex, nanos);
        }

        @Override
        public boolean timing() {
            return recorder.records();
        }
    }
}
