package io.dbsim.workload;

import org.jooq.DSLContext;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An operation written as jOOQ code on dbsim's schema: one connection for the whole body, in an explicit transaction
 * when the operation has several statements or writes, else in autocommit, as the application would run it.
 */
public record JooqWork(boolean explicitTransaction, Body body) implements Work {

    @FunctionalInterface
    public interface Body {
        void run(DSLContext db, OperationContext ctx);
    }

    @Override
    public void run(ConnectionLease lease, OperationContext ctx) throws SQLException, InterruptedException {
        Connection connection = lease.acquire();
        DSLContext db = ctx.bindDsl(connection);
        if (explicitTransaction) {
            db.transaction(tx -> body.run(tx.dsl(), ctx));
        } else {
            body.run(db, ctx);
        }
        lease.release(connection);
    }
}
