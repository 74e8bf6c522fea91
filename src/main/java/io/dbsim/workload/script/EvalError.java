package io.dbsim.workload.script;

/**
 * An expression or meta command that cannot complete for the values it got (division by zero, an
 * overflow, a NULL where a number is needed): a failure of that one execution, as in pgbench. It
 * carries no stack trace because it is an expected outcome, raised on the hot path.
 */
final class EvalError extends RuntimeException {
    EvalError(String message) {
        super(message, null, false, false);
    }
}
