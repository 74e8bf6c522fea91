package io.dbsim.workload;

import org.jooq.DSLContext;

/**
 * One thing an application user does, under a stable name that reports and thresholds use.
 * Multi-statement and writing operations run in an explicit transaction; single-statement reads run
 * in autocommit, where the statement is its own transaction, as the application would run them.
 */
public record Operation(int index, String name, OperationKind kind, boolean explicitTransaction, Body body) {

    @FunctionalInterface
    public interface Body {
        void run(DSLContext db, OperationContext ctx);
    }
}
