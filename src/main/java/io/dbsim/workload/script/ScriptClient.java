package io.dbsim.workload.script;

import io.dbsim.workload.ConnectionLease;
import org.postgresql.core.BaseConnection;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One simulated user running a script. {@link #execute} is one pgbench "transaction": the script
 * once, from its first command to its last. Not thread-safe; one per user.
 */
public final class ScriptClient {

    private final Script script;
    private final Step[] steps;
    private final ClientVariables variables;
    private final SqlRunner sql;

    ScriptClient(Script script, ClientVariables variables, StatementLog log, PreparedStatements statements) {
        this.script = script;
        this.steps = script.steps();
        this.variables = variables;
        this.sql = new SqlRunner(variables, log, statements, steps.length);
    }

    /**
     * Runs the script once. The connection is acquired at the first SQL command that runs and given
     * back after the last one that can run (a \sleep after it does not hold it); transactions are the
     * ones the script writes. On any failure an open transaction is rolled back and the connection
     * given back before the failure is thrown.
     *
     * @throws ScriptFailure        when a command fails; its {@link ScriptFailure#commandIndex()} names it
     * @throws InterruptedException when the thread is interrupted, e.g. during \sleep
     */
    public void execute(ConnectionLease lease, StatementTimer timer) throws SQLException, InterruptedException {
        Connection connection = null;
        BaseConnection driverConnection = null;
        int command = -1;
        int pc = 0;
        boolean timing = timer.timing();
        try {
            while (pc < steps.length) {
                Step step = steps[pc];
                if (step.commandIndex() >= 0) {
                    command = step.commandIndex();
                    variables.running(command);
                }
                long start = timing ? System.nanoTime() : 0;
                switch (step) {
                    case Step.Sql query -> {
                        if (connection == null) {
                            connection = lease.acquire();
                            driverConnection = connection.unwrap(BaseConnection.class);
                            useAutocommit(connection);
                        }
                        sql.run(query, pc, driverConnection);
                        if (query.releaseAfter()) {
                            requireNoOpenTransaction(driverConnection, command);
                            Connection done = connection;
                            connection = null;
                            lease.release(done);
                        }
                        pc++;
                    }
                    case Step.Set set -> {
                        variables.set(set.slot(), set.expr().eval(variables));
                        pc++;
                    }
                    case Step.Sleep sleep -> {
                        sleep(sleep);
                        pc++;
                    }
                    case Step.Branch branch -> pc = Coercion.truth(branch.condition().eval(variables)) ? pc + 1 : branch.falseTarget();
                    case Step.Jump jump -> pc = jump.target();
                }
                if (timing && step.commandIndex() >= 0) {
                    timer.record(step.commandIndex(), System.nanoTime() - start);
                }
            }
            if (connection != null) {
                requireNoOpenTransaction(driverConnection, command);
                Connection done = connection;
                connection = null;
                lease.release(done);
            }
        } catch (ScriptFailure failure) {
            throw giveBack(connection, lease, failure);
        } catch (EvalError error) {
            throw giveBack(connection, lease, failure(command, error.getMessage(), null));
        } catch (SQLException error) {
            throw giveBack(connection, lease, failure(command, firstLine(error.getMessage()), error));
        } catch (InterruptedException error) {
            throw giveBack(connection, lease, error);
        } catch (RuntimeException error) {
            throw giveBack(connection, lease, error);
        }
    }

    /** The script's own BEGIN and END delimit its transactions, as on a pgbench connection. */
    private static void useAutocommit(Connection connection) throws SQLException {
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
    }

    /** pgbench aborts a client whose script ends inside a transaction block; here that execution fails (and is rolled back). */
    private void requireNoOpenTransaction(BaseConnection connection, int command) throws SQLException {
        if (Transactions.inTransaction(connection)) {
            throw failure(command, "the script ended inside a transaction block; end it with COMMIT or END", null);
        }
    }

    /** Rolls back what the script left open and gives the connection back; problems doing so are attached to {@code primary}. */
    private static <T extends Exception> T giveBack(Connection connection, ConnectionLease lease, T primary) {
        if (connection == null) {
            return primary;
        }
        boolean interrupted = Thread.interrupted();
        try {
            if (Transactions.inTransaction(connection)) {
                Transactions.rollback(connection);
            }
        } catch (SQLException | RuntimeException e) {
            primary.addSuppressed(e);
        }
        try {
            lease.release(connection);
        } catch (SQLException | RuntimeException e) {
            primary.addSuppressed(e);
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        return primary;
    }

    private void sleep(Step.Sleep sleep) throws InterruptedException {
        long amount = sleep.amount();
        if (sleep.slot() >= 0) {
            String text = variables.text(sleep.slot());
            amount = CText.atoi(text);
            if (amount == 0 && (text.isEmpty() || text.charAt(0) < '0' || text.charAt(0) > '9')) {
                throw new EvalError("invalid \\sleep time \"" + text + "\": the variable must hold a whole number");
            }
        }
        long micros = amount * sleep.unitMicros();
        if (micros > 0) {
            Thread.sleep(micros / 1000, (int) (micros % 1000) * 1000);
        }
    }

    private ScriptFailure failure(int command, String message, SQLException cause) {
        ScriptCommand failed = script.commands().get(command);
        return new ScriptFailure(script.name() + ":" + failed.line() + ": " + message, command, cause);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "SQL error";
        }
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
