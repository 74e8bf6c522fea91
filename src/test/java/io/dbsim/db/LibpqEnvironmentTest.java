package io.dbsim.db;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LibpqEnvironmentTest {

    @Test
    void theDatabaseDefaultsToTheUserAndTheHostToLocalhost() {
        assertThat(new LibpqEnvironment(Map.of("PGUSER", "alice")).jdbcUrl("alice"))
                .isEqualTo("jdbc:postgresql://localhost:5432/alice");
    }

    @Test
    void aHostListBecomesAMultiHostUrlWithOnePortForAllOrOnePerHost() {
        assertThat(new LibpqEnvironment(Map.of("PGHOST", "db1,db2", "PGPORT", "6432", "PGDATABASE", "app")).jdbcUrl("u"))
                .isEqualTo("jdbc:postgresql://db1:6432,db2:6432/app");
        assertThat(new LibpqEnvironment(Map.of("PGHOST", "db1,,::1", "PGPORT", "5433,,5434", "PGDATABASE", "app")).jdbcUrl("u"))
                .isEqualTo("jdbc:postgresql://db1:5433,localhost:5432,[::1]:5434/app");
    }

    @Test
    void pgjdbcReadsTheBuiltUrlBackAsLibpqMeantIt() {
        String url = new LibpqEnvironment(Map.of("PGHOST", "db1,::1", "PGPORT", "5433,5434", "PGDATABASE", "my app",
                "PGSSLMODE", "verify-full")).jdbcUrl("u");

        PostgresUrl read = PostgresUrl.parse(url);
        assertThat(read.endpoints()).containsExactly(new PostgresUrl.Endpoint("db1", "5433"), new PostgresUrl.Endpoint("::1", "5434"));
        assertThat(read.database()).isEqualTo("my app");
        assertThat(url).endsWith("?sslmode=verify-full");
    }

    @Test
    void aUnixSocketDirectoryIsRefusedWithWhatToDoInstead() {
        assertThatThrownBy(() -> new LibpqEnvironment(Map.of("PGHOST", "/var/run/postgresql")).jdbcUrl("u"))
                .isInstanceOf(UsageException.class)
                .hasMessage("PGHOST=/var/run/postgresql is a Unix socket directory, which the PostgreSQL JDBC driver cannot "
                        + "connect through: set PGHOST=localhost to use TCP, or give --jdbc-url jdbc:postgresql://localhost:5432/DB");
    }

    @Test
    void badPortsAndSslModesAreUsageErrors() {
        assertThatThrownBy(() -> new LibpqEnvironment(Map.of("PGPORT", "54x2")).jdbcUrl("u"))
                .isInstanceOf(UsageException.class).hasMessage("PGPORT=54x2 is not a port number: set it to e.g. 5432");
        assertThatThrownBy(() -> new LibpqEnvironment(Map.of("PGHOST", "a,b,c", "PGPORT", "1,2")).jdbcUrl("u"))
                .isInstanceOf(UsageException.class).hasMessageContaining("PGPORT lists 2 ports for the 3 hosts of PGHOST");
        assertThatThrownBy(() -> new LibpqEnvironment(Map.of("PGSSLMODE", "on")).jdbcUrl("u"))
                .isInstanceOf(UsageException.class).hasMessageContaining("PGSSLMODE=on is not an sslmode: use one of disable");
    }

    @Test
    void thePasswordFileIsPgpassfileElseDotPgpassInTheHome() {
        Path home = Path.of("home", "alice");
        assertThat(new LibpqEnvironment(Map.of()).passFile(home).path()).isEqualTo(home.resolve(".pgpass"));
        assertThat(new LibpqEnvironment(Map.of()).passFileSource()).isEqualTo("~/.pgpass");
        LibpqEnvironment custom = new LibpqEnvironment(Map.of("PGPASSFILE", "secrets/pgpass"));
        assertThat(custom.passFile(home).path()).isEqualTo(Path.of("secrets/pgpass"));
        assertThat(custom.passFileSource()).isEqualTo("PGPASSFILE");
    }

    @Test
    void onlyVariablesThatSayWhereToConnectLeaveTheEmbeddedServerButEmptyOnesDoNot() {
        assertThat(new LibpqEnvironment(Map.of("PGUSER", "x")).locationSet()).isTrue();
        assertThat(new LibpqEnvironment(Map.of("PGPASSWORD", "secret", "PGAPPNAME", "x")).locationSet()).isFalse();
        assertThat(new LibpqEnvironment(Map.of("PGHOST", "", "HOME", "/h")).locationSet()).isFalse();
    }
}
