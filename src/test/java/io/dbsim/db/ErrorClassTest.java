package io.dbsim.db;

import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

class ErrorClassTest {

    @Test
    void realPostgresErrorsAreClassified() throws SQLException {
        ConnectionInfo db = TestPostgres.newDatabase("errors");
        TestPostgres.execute(db, "CREATE TABLE t (id int PRIMARY KEY)", "INSERT INTO t VALUES (1)");
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            assertThat(ErrorClass.of(catchThrowable(() -> s.execute("INSERT INTO t VALUES (1)")))).isEqualTo(ErrorClass.UNIQUE_VIOLATION);
            s.execute("SET statement_timeout = 50");
            assertThat(ErrorClass.of(catchThrowable(() -> s.execute("SELECT pg_sleep(2)")))).isEqualTo(ErrorClass.STATEMENT_TIMEOUT);
            assertThat(ErrorClass.of(catchThrowable(() -> s.execute("SELECT * FROM missing")))).isEqualTo(ErrorClass.OTHER);
        }
        assertThat(ErrorClass.of(new PoolTimeoutException(30))).isEqualTo(ErrorClass.POOL_TIMEOUT);
        assertThat(ErrorClass.DEADLOCK.retryable()).isTrue();
        assertThat(ErrorClass.UNIQUE_VIOLATION.retryable()).isFalse();
    }

    @Test
    void aPoolTimeoutWhileConnectionsCouldNotBeOpenedIsARefusedConnection() {
        SQLException refused = new SQLException("FATAL: sorry, too many clients already", "53300");
        assertThat(ErrorClass.of(new SQLTransientConnectionException("dbsim - Connection is not available, request timed out "
                + "after 500ms", "53300", refused))).isEqualTo(ErrorClass.CONNECTION_REFUSED);
        assertThat(ErrorClass.of(new SQLTransientConnectionException("dbsim - Connection is not available, request timed out "
                + "after 500ms"))).isEqualTo(ErrorClass.POOL_TIMEOUT);
        assertThat(ErrorClass.CONNECTION_REFUSED.connectionLoss()).isTrue();
        assertThat(ErrorClass.CONNECTION_LOST.connectionLoss()).isTrue();
        assertThat(ErrorClass.POOL_TIMEOUT.connectionLoss()).isFalse();
        assertThat(ErrorClass.CONNECTION_REFUSED.retryable()).isFalse();
    }
}
