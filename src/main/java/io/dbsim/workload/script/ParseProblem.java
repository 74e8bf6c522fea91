package io.dbsim.workload.script;

/**
 * A mistake found while reading one command, with the column it is at (0 when the whole command is
 * meant) and what to write instead; the parser turns it into a {@link ScriptError} naming file:line.
 */
final class ParseProblem extends RuntimeException {

    final int column;
    final String fix;

    ParseProblem(int column, String problem, String fix) {
        super(problem, null, false, false);
        this.column = column;
        this.fix = fix;
    }
}
