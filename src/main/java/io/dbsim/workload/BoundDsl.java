package io.dbsim.workload;

import org.jooq.ConnectionProvider;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;
import org.jooq.impl.DefaultConfiguration;

import java.sql.Connection;

/**
 * One user's jOOQ context, built once and pointed at the pooled connection of the operation in
 * hand, so the per-operation path does not build a new jOOQ configuration every time.
 */
final class BoundDsl implements ConnectionProvider {

    private static final Settings SETTINGS = new Settings()
            .withExecuteLogging(false)
            .withRenderSchema(false)
            .withFetchWarnings(false);

    private final StatementCatalog.Recorder recorder;
    private final DSLContext dsl;
    private Connection current;

    BoundDsl(StatementCatalog catalog) {
        this.recorder = new StatementCatalog.Recorder(catalog);
        this.dsl = DSL.using(new DefaultConfiguration()
                .set(SQLDialect.POSTGRES).set(SETTINGS).set(this).set(recorder));
    }

    DSLContext bind(Connection connection, Operation operation) {
        current = connection;
        recorder.operation(operation.name());
        return dsl;
    }

    @Override
    public Connection acquire() {
        return current;
    }

    @Override
    public void release(Connection connection) {
        // The pool gate gives the connection back when the whole operation is done.
    }
}
