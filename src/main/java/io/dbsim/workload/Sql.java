package io.dbsim.workload;

import org.jooq.DSLContext;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One statement of a built-in operation, rendered once from its typed jOOQ query, with a {@code ?} for each of its
 * named values; each call prepares it on the operation's connection, binds that call's values by position and runs it.
 * Rendering the query on every call was most of the simulator's CPU: a profile of primary-key reads put 55% in jOOQ
 * and 26% in the driver. pgjdbc keeps the text parsed per connection and, from its fifth run there, prepared on the
 * server, as {@code pgbench -M prepared} does.
 */
final class Sql {

    private static final DSLContext POSTGRES = DSL.using(SQLDialect.POSTGRES, new Settings().withRenderSchema(false));

    private final String text;

    /**
     * @param query  the statement, each value a {@code DSL.param(name, type)}, constants inlined
     * @param values the values' names in the order the operation binds them (1, 2, ...): jOOQ renders them where the
     *               SQL needs them (OFFSET before FETCH NEXT, say), so the order is checked here, once, not at run time
     */
    Sql(Query query, String... values) {
        this.text = POSTGRES.render(query);
        List<String> rendered = POSTGRES.extractParams(query).entrySet().stream().filter(p -> !p.getValue().isInline())
                .map(Map.Entry::getKey).toList();
        if (!rendered.equals(List.of(values))) {
            throw new IllegalStateException("the statement binds " + rendered + ", not " + List.of(values) + ": " + text);
        }
    }

    String text() {
        return text;
    }

    PreparedStatement prepare(Connection connection) throws SQLException {
        return connection.prepareStatement(text);
    }

    /** Runs the query with the values bound on {@code statement} and reads every row; returns how many there were. */
    int query(PreparedStatement statement, OperationContext ctx) throws SQLException {
        int rows = 0;
        try (ResultSet rs = statement.executeQuery()) {
            while (rs.next()) {
                rows++;
            }
        }
        ctx.sent(text, statement);
        return rows;
    }

    /** Runs the insert or update with the values bound on {@code statement}; returns the rows it changed. */
    int update(PreparedStatement statement, OperationContext ctx) throws SQLException {
        int rows = statement.executeUpdate();
        ctx.sent(text, statement);
        return rows;
    }
}
