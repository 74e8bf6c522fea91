package io.dbsim.workload.script;

import org.postgresql.PGStatement;
import org.postgresql.core.BaseConnection;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Runs one SQL command for one client: binds its variables untyped, each as its text, so the server
 * infers their types as it does for pgbench's extended and prepared modes (a NULL is bound as NULL),
 * executes it, and stores result columns into variables for \gset (the last query's one row) and
 * \aset (the last row of every query that returned rows). A NULL column is stored as an empty string,
 * as pgbench does. The first time each command runs, it is told to the statement log with the values
 * it ran with.
 */
final class SqlRunner {

    /** A column whose variable no command reads: storing it would change nothing. */
    private static final int UNREAD = -1;
    /** A column whose name cannot be a variable's, such as ?column?: pgbench fails the execution. */
    private static final int INVALID_NAME = -2;

    private final ClientVariables variables;
    private final StatementLog log;
    private final PreparedStatements statements;
    private final String[][] cachedLabels;
    private final int[][] cachedSlots;
    private final boolean[] logged;

    SqlRunner(ClientVariables variables, StatementLog log, PreparedStatements statements, int steps) {
        this.variables = variables;
        this.log = log;
        this.statements = statements;
        this.cachedLabels = new String[steps][];
        this.cachedSlots = new int[steps][];
        this.logged = new boolean[steps];
    }

    /** @param connection the driver's connection, not the pool's proxy: its prepared statements are kept */
    void run(Step.Sql step, int stepIndex, BaseConnection connection) throws SQLException {
        PreparedStatement statement = statements.of(connection, stepIndex, step.jdbcSql());
        bind(statement, step.paramSlots());
        if (!logged[stepIndex]) {
            logged[stepIndex] = true;
            log.firstRun(step.jdbcSql(), statement.unwrap(PGStatement.class).toString());
        }
        boolean isResultSet = statement.execute();
        if (step.store() != Step.Store.NONE) {
            store(statement, isResultSet, step, stepIndex);
        }
    }

    private void bind(PreparedStatement statement, int[] slots) throws SQLException {
        for (int i = 0; i < slots.length; i++) {
            int parameter = i + 1;
            String text = variables.storedText(slots[i]);
            if (text == null && variables.variable(slots[i]) instanceof Value.Null) {
                statement.setNull(parameter, Types.OTHER);
            } else {
                statement.setObject(parameter, text != null ? text : variables.text(slots[i]), Types.OTHER);
            }
        }
    }

    private void store(PreparedStatement statement, boolean isResultSet, Step.Sql step, int stepIndex) throws SQLException {
        Row last = null;
        boolean resultSet = isResultSet;
        while (true) {
            if (resultSet) {
                try (ResultSet rows = statement.getResultSet()) {
                    last = lastRow(rows, step.prefix(), stepIndex);
                }
                if (step.store() == Step.Store.ASET && last.count() > 0) {
                    assign(last);
                }
            } else if (statement.getUpdateCount() == -1) {
                break;
            } else {
                last = Row.NONE;
            }
            resultSet = statement.getMoreResults();
        }
        if (step.store() == Step.Store.GSET) {
            int count = last == null ? 0 : last.count();
            if (count != 1) {
                throw new EvalError("\\gset expects the query to return one row, it returned " + count);
            }
            assign(last);
        }
    }

    /** How many rows a result had, its last row's values, and the slot each column goes to. */
    private record Row(int count, String[] values, int[] slots, String[] names) {
        static final Row NONE = new Row(0, new String[0], new int[0], new String[0]);
    }

    private Row lastRow(ResultSet rows, String prefix, int stepIndex) throws SQLException {
        ResultSetMetaData meta = rows.getMetaData();
        int[] slots = slotsFor(meta, prefix, stepIndex);
        String[] values = new String[slots.length];
        int count = 0;
        while (rows.next()) {
            count++;
            for (int column = 0; column < values.length; column++) {
                String value = rows.getString(column + 1);
                values[column] = value == null ? "" : value;
            }
        }
        return new Row(count, values, slots, cachedLabels[stepIndex]);
    }

    private void assign(Row row) {
        for (int column = 0; column < row.slots().length; column++) {
            int slot = row.slots()[column];
            if (slot >= 0) {
                variables.setText(slot, row.values()[column]);
            } else if (slot == INVALID_NAME) {
                throw new EvalError("cannot store column \"" + row.names()[column] + "\" in a variable: give it a name with AS");
            }
        }
    }

    /** Column slots, worked out on the first execution and again only when the columns change. */
    private int[] slotsFor(ResultSetMetaData meta, String prefix, int stepIndex) throws SQLException {
        int columns = meta.getColumnCount();
        String[] labels = cachedLabels[stepIndex];
        if (labels != null && labels.length == columns && sameLabels(labels, meta)) {
            return cachedSlots[stepIndex];
        }
        labels = new String[columns];
        int[] slots = new int[columns];
        for (int column = 0; column < columns; column++) {
            labels[column] = meta.getColumnLabel(column + 1);
            String name = prefix + labels[column];
            int slot = variables.layout().slotOf(name);
            slots[column] = slot >= 0 ? slot : VariableNames.isValid(name) ? UNREAD : INVALID_NAME;
        }
        cachedLabels[stepIndex] = labels;
        cachedSlots[stepIndex] = slots;
        return slots;
    }

    private static boolean sameLabels(String[] labels, ResultSetMetaData meta) throws SQLException {
        for (int column = 0; column < labels.length; column++) {
            if (!labels[column].equals(meta.getColumnLabel(column + 1))) {
                return false;
            }
        }
        return true;
    }
}
