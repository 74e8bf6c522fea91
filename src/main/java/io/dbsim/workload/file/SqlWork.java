package io.dbsim.workload.file;

import io.dbsim.workload.Command;
import io.dbsim.workload.CommandLatencies;
import io.dbsim.workload.CommandWork;
import io.dbsim.workload.ConnectionLease;
import io.dbsim.workload.OperationContext;
import io.dbsim.workload.script.PgPrng;
import net.datafaker.Faker;
import org.postgresql.PGStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * A workload file's operation: its statements on one connection, in one transaction when it has several (or says
 * so), in autocommit otherwise; each parameter drawn once per execution, so a statement pair sees the same value,
 * and bound untyped as its text. Rows are read to the end, as the application would read them.
 */
final class SqlWork implements CommandWork {

    /** One statement: its JDBC SQL, and for each placeholder the index of its parameter in the operation's list. */
    record Statement(String jdbcSql, int[] parameters) {
    }

    private final List<Statement> statements;
    private final List<Parameter> parameters;
    private final boolean transaction;
    private final int slot;
    private final long seed;
    private final List<Command> commands;
    private final boolean fakes;
    private final Function<OperationContext, User> newUser = this::newUser;

    /** @param slot the operation's index, where each user keeps its random stream and values */
    SqlWork(List<Statement> statements, List<Parameter> parameters, boolean transaction, int slot, long seed, List<Command> commands) {
        this.statements = List.copyOf(statements);
        this.parameters = List.copyOf(parameters);
        this.transaction = transaction;
        this.slot = slot;
        this.seed = seed;
        this.commands = List.copyOf(commands);
        this.fakes = parameters.stream().anyMatch(p -> p instanceof Parameter.Fake);
    }

    @Override
    public List<Command> commands() {
        return commands;
    }

    @Override
    public void run(ConnectionLease lease, OperationContext ctx) throws SQLException, InterruptedException {
        User user = ctx.userState(slot, User.class, newUser);
        CommandLatencies.Recorder recorder = ctx.commandRecorder();
        String[] values = user.values;
        for (int i = 0; i < values.length; i++) {
            values[i] = parameters.get(i).draw(user.random, user.faker, ctx);
        }
        Connection connection = lease.acquire();
        int command = 0;
        try {
            if (transaction) {
                connection.setAutoCommit(false);
            }
            for (; command < statements.size(); command++) {
                long start = System.nanoTime();
                execute(connection, command, values, user, ctx);
                recorder.completed(command, System.nanoTime() - start);
            }
            if (transaction) {
                connection.commit();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            recorder.failed(Math.min(command, statements.size() - 1));
            giveBack(connection, lease, e);
            throw e;
        }
        lease.release(connection);
    }

    private void execute(Connection connection, int index, String[] values, User user, OperationContext ctx) throws SQLException {
        Statement st = statements.get(index);
        try (PreparedStatement ps = connection.prepareStatement(st.jdbcSql())) {
            int[] params = st.parameters();
            for (int p = 0; p < params.length; p++) {
                String value = values[params[p]];
                if (value == null) {
                    ps.setNull(p + 1, Types.OTHER);
                } else {
                    ps.setObject(p + 1, value, Types.OTHER);
                }
            }
            if (!user.logged[index]) {
                user.logged[index] = true;
                ctx.sent(st.jdbcSql(), ps.unwrap(PGStatement.class).toString());
            }
            boolean rows = ps.execute();
            while (rows || ps.getUpdateCount() != -1) {
                if (rows) {
                    try (ResultSet rs = ps.getResultSet()) {
                        while (rs.next()) {
                            // Read to the end: the application fetches what it asked for.
                        }
                    }
                }
                rows = ps.getMoreResults();
            }
        }
    }

    /** Rolls back what the failure left open and gives the connection back; problems doing so join the failure. */
    private static void giveBack(Connection connection, ConnectionLease lease, Exception failure) {
        try {
            if (!connection.getAutoCommit()) {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
        try {
            lease.release(connection);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /** A user's own random stream (from the run's seed, the user's number and the operation), Faker and values. */
    private User newUser(OperationContext ctx) {
        PgPrng random = PgPrng.seeded(seed ^ (ctx.user() + 1L) * 0x9E3779B97F4A7C15L ^ (slot + 1L) * 0xC2B2AE3D27D4EB4FL);
        return new User(random, fakes ? new Faker(new Random(random.nextLong())) : null, new String[parameters.size()],
                new boolean[statements.size()]);
    }

    private record User(PgPrng random, Faker faker, String[] values, boolean[] logged) {
    }
}
