package io.dbsim.workload.script;

import io.dbsim.UsageException;

/**
 * A script that cannot run, found before any connection: one line naming file:line, what is wrong
 * and what to write instead. The CLI ends with exit code 2, as for any usage error.
 */
public final class ScriptError extends UsageException {

    private ScriptError(String message) {
        super(message);
    }

    static ScriptError at(String source, int line, String problem, String fix) {
        return new ScriptError(source + ":" + line + ": " + problem + ": " + fix);
    }

    static ScriptError of(String where, String problem, String fix) {
        return new ScriptError(where + ": " + problem + ": " + fix);
    }
}
