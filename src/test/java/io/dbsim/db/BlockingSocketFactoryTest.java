package io.dbsim.db;

import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.io.DataOutputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BlockingSocketFactoryTest {

    @Test
    void aReadThatTimesOutLeavesTheSocketBlockingAndUsable() throws Exception {
        PostgresUrl.Endpoint server = PostgresUrl.parse(TestPostgres.server().jdbcUrl()).endpoints().get(0);
        try (Socket socket = new BlockingSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(server.host(), Integer.parseInt(server.port())), 5_000);
            assertThat(socket.getChannel().isBlocking()).isTrue();

            // The server says nothing until it gets a startup packet, so a timed read times out, as pgjdbc's peek does.
            socket.setSoTimeout(100);
            InputStream in = socket.getInputStream();
            assertThatThrownBy(in::read).isInstanceOf(SocketTimeoutException.class);
            assertThat(socket.getChannel().isBlocking()).isTrue();

            socket.setSoTimeout(0);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.writeInt(8);
            out.writeInt(80877103);  // SSLRequest: the server answers one byte, S or N
            out.flush();
            assertThat((char) in.read()).isIn('S', 'N');
        }
    }

    @Test
    void pgjdbcOnTheseSocketsQueriesValidatesAndCopies() throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("blocking_sockets");
        Properties props = db.properties();
        BlockingSocketFactory.install(props);
        try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), props); Statement s = c.createStatement()) {
            assertThat(c.isValid(2)).isTrue();  // a read under a network timeout
            s.execute("CREATE TABLE copied (n int)");
            StringBuilder rows = new StringBuilder();
            for (int i = 1; i <= 20_000; i++) {
                rows.append(i).append('\n');
            }
            // COPY IN checks for server messages between writes with 1 ms reads that time out and carry on.
            long copied = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY copied FROM STDIN", new StringReader(rows.toString()));
            assertThat(copied).isEqualTo(20_000);
            try (ResultSet rs = s.executeQuery("SELECT count(*), sum(n) FROM copied")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(20_000);
                assertThat(rs.getLong(2)).isEqualTo(20_000L * 20_001 / 2);
            }
            assertThat(c.isValid(2)).isTrue();
        }
    }

    @Test
    void aVirtualThreadReadsThroughTheseSocketsToo() throws Exception {
        ConnectionInfo db = TestPostgres.server();
        Properties props = db.properties();
        BlockingSocketFactory.install(props);
        AtomicReference<Object> answer = new AtomicReference<>();
        Thread.ofVirtual().start(() -> {
            try (Connection c = java.sql.DriverManager.getConnection(db.jdbcUrl(), props); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT 6 * 7")) {
                rs.next();
                answer.set(rs.getInt(1));
            } catch (Exception e) {
                answer.set(e);
            }
        }).join();
        assertThat(answer.get()).isEqualTo(42);
    }

    @Test
    void aPoolWithASocketTimeoutOrItsOwnFactoryKeepsTheJdksSockets() {
        Properties none = new Properties();
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app", none)).isTrue();
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app?socketTimeout=0", none)).isTrue();
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app?socketTimeout=30", none)).isFalse();
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app?socketFactory=com.example.Socks", none)).isFalse();

        Properties timed = new Properties();
        timed.setProperty("socketTimeout", "32");
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app", timed)).isFalse();
        Properties own = new Properties();
        own.setProperty("socketFactory", "com.example.Socks");
        assertThat(BlockingSocketFactory.suits("jdbc:postgresql://db:5432/app", own)).isFalse();
    }
}
