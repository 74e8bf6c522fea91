package io.dbsim.workload.script;

import java.util.ArrayList;
import java.util.List;

/**
 * SQL with {@code :name} parameters outside a script (a workload file's operations), split into statements and
 * read with the script language's rules: psql's lexing of quotes, comments and semicolons, {@code :name} outside
 * them a bind parameter, {@code ::} a cast. Mistakes are {@link ScriptError}s naming file:line.
 */
public final class SqlText {

    /**
     * One statement: its text, its JDBC form with {@code ?} placeholders, and the parameter each placeholder is,
     * in order, with the line each is on.
     */
    public record Statement(int line, String text, String jdbcSql, List<String> parameters, List<Integer> parameterLines) {
    }

    private SqlText() {
    }

    /**
     * @param source    the file, as messages name it
     * @param firstLine the line of the file the SQL starts on, so that lines in messages are the file's
     */
    public static List<Statement> statements(String source, int firstLine, String sql) {
        List<Statement> out = new ArrayList<>();
        for (ScriptScanner.Piece piece : ScriptScanner.scan(source, "\n".repeat(Math.max(0, firstLine - 1)) + sql)) {
            switch (piece) {
                case ScriptScanner.Sql s -> out.add(new Statement(s.line(), s.text(), s.jdbcSql(),
                        s.references().stream().map(ScriptScanner.Reference::name).toList(),
                        s.references().stream().map(ScriptScanner.Reference::line).toList()));
                case ScriptScanner.Meta m -> throw ScriptError.at(source, m.line(), "a backslash command (" + m.text().split("\\s")[0]
                        + ") in an operation's SQL", "write plain SQL here; backslash commands belong in pgbench scripts (-f)");
            }
        }
        return out;
    }
}
