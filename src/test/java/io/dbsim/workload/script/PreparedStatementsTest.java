package io.dbsim.workload.script;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

import java.lang.ref.WeakReference;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A script's statements kept per driver connection, on a real PostgreSQL. */
class PreparedStatementsTest {

    private static final String SQL = "SELECT ?::int + 1";

    private static ConnectionInfo db;

    @BeforeAll
    static void database() {
        db = TestPostgres.newDatabase("prepared_statements");
    }

    private static BaseConnection open() throws SQLException {
        return db.open().unwrap(BaseConnection.class);
    }

    @Test
    void aStepGetsOneStatementPerConnectionAndItRunsAgainWithNewValues() throws SQLException {
        PreparedStatements statements = new PreparedStatements(2);
        try (BaseConnection first = open(); BaseConnection second = open()) {
            PreparedStatement once = statements.of(first, 1, SQL);
            PreparedStatement again = statements.of(first, 1, SQL);
            PreparedStatement elsewhere = statements.of(second, 1, SQL);
            PreparedStatement otherStep = statements.of(first, 0, SQL);

            assertThat(again).isSameAs(once);
            assertThat(elsewhere).isNotSameAs(once);
            assertThat(elsewhere.getConnection()).isSameAs(second);
            assertThat(otherStep).isNotSameAs(once);
            assertThat(plusOne(once, 41)).isEqualTo(42);
            assertThat(plusOne(statements.of(first, 1, SQL), 6)).isEqualTo(7);
        }
    }

    @Test
    void aStatementClosedByItsUserIsPreparedAgain() throws SQLException {
        PreparedStatements statements = new PreparedStatements(1);
        try (BaseConnection connection = open()) {
            PreparedStatement closed = statements.of(connection, 0, SQL);
            closed.close();

            PreparedStatement fresh = statements.of(connection, 0, SQL);

            assertThat(fresh).isNotSameAs(closed);
            assertThat(plusOne(fresh, 1)).isEqualTo(2);
        }
    }

    @Test
    void aConnectionThePoolClosedIsLetGoWhenANewOneArrives() throws Exception {
        PreparedStatements statements = new PreparedStatements(1);
        WeakReference<BaseConnection> retired = retiredConnection(statements);
        try (BaseConnection replacement = open()) {
            statements.of(replacement, 0, SQL);
            for (int i = 0; i < 20 && retired.get() != null; i++) {
                System.gc();
                Thread.sleep(50);
            }
            assertThat(retired.get()).as("the closed connection is still held").isNull();
        }
    }

    private static WeakReference<BaseConnection> retiredConnection(PreparedStatements statements) throws SQLException {
        BaseConnection connection = open();
        statements.of(connection, 0, SQL);
        connection.close();
        return new WeakReference<>(connection);
    }

    private static int plusOne(PreparedStatement statement, int value) throws SQLException {
        statement.setInt(1, value);
        try (ResultSet rows = statement.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }
}
