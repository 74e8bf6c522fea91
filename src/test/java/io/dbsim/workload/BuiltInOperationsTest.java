package io.dbsim.workload;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.SeededDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

import static io.dbsim.db.schema.Tables.MEMBERS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.jooq.impl.DSL.param;
import static org.jooq.impl.DSL.select;

/** The built-in operations' statements, rendered once: they run with their values bound, and are named and explainable. */
class BuiltInOperationsTest {

    private static ConnectionInfo db;

    @BeforeAll
    static void seed() {
        db = SeededDatabase.create("operations");
    }

    private record OneConnection(Connection connection) implements ConnectionLease {
        @Override
        public Connection acquire() {
            return connection;
        }

        @Override
        public void release(Connection released) {
            assertThat(released).isSameAs(connection);
        }
    }

    private static OperationContext context(Connection c, StatementCatalog catalog) throws SQLException {
        return new OperationContext(KeySpace.read(c), 0, new SplittableRandom(3), "test", new AtomicLong(), catalog,
                CommandLatencies.NONE);
    }

    @Test
    void everyOperationRunsAndNamesTheStatementsItSentWithExamplesPostgresCanPlan() throws Exception {
        StatementCatalog catalog = new StatementCatalog();
        try (Connection c = db.open()) {
            OperationContext ctx = context(c, catalog);
            for (Operation op : Operations.ALL) {
                ctx.operation(op, true);
                op.work().run(new OneConnection(c), ctx);
                assertThat(c.getAutoCommit()).as(op.name() + " gives the connection back in autocommit").isTrue();
            }
            List<CapturedStatement> statements = catalog.statements();
            // pk_lookup sends the text read_member_detail sent first, so it is named after that operation.
            assertThat(statements).extracting(CapturedStatement::operation).containsAll(Operations.ALL.stream()
                    .map(Operation::name).filter(name -> !name.equals("pk_lookup")).toList());
            assertThat(statements).hasSize(15);
            for (CapturedStatement st : statements) {
                assertThat(st.example()).as(st.sql()).doesNotContain("?");
                try (Statement s = c.createStatement(); ResultSet plan = s.executeQuery("EXPLAIN " + st.example())) {
                    assertThat(plan.next()).as(st.example()).isTrue();
                }
            }
        }
    }

    @Test
    void theWritesOfAFailedTransactionAreRolledBack() throws Exception {
        Sql rename = new Sql(org.jooq.impl.DSL.update(MEMBERS).set(MEMBERS.FIRST_NAME, param("first_name", String.class))
                .where(MEMBERS.ID.eq(param("id", Long.class))), "first_name", "id");
        JdbcWork failing = new JdbcWork(true, (c, ctx) -> {
            try (PreparedStatement ps = rename.prepare(c)) {
                ps.setString(1, "Rolled");
                ps.setLong(2, 1);
                assertThat(rename.update(ps, ctx)).isEqualTo(1);
            }
            try (Statement s = c.createStatement()) {
                s.execute("SELECT 1 / 0");
            }
        });
        try (Connection c = db.open()) {
            OperationContext ctx = context(c, new StatementCatalog());
            ctx.operation(new Operation(0, "rename", OperationKind.WRITE, failing), true);

            assertThatThrownBy(() -> failing.run(new OneConnection(c), ctx)).isInstanceOf(SQLException.class)
                    .hasMessageContaining("division by zero");
            c.setAutoCommit(true);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT first_name FROM members WHERE id = 1")) {
                rs.next();
                assertThat(rs.getString(1)).isNotEqualTo("Rolled");
            }
        }
    }

    @Test
    void valuesNamedInAnotherOrderThanTheStatementBindsThemAreRefusedWhenTheStatementIsBuilt() {
        var paged = select(MEMBERS.ID).from(MEMBERS).where(MEMBERS.STATUS.eq(param("status", String.class)))
                .orderBy(MEMBERS.ID).limit(param("limit", Integer.class)).offset(param("offset", Integer.class));

        assertThatThrownBy(() -> new Sql(paged, "status", "limit", "offset")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("binds [status, offset, limit]");
        assertThat(new Sql(paged, "status", "offset", "limit").text()).endsWith("offset ? rows fetch next ? rows only");
    }
}
