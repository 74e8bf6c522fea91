package io.dbsim.db;

import io.dbsim.DbsimException;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** libpq's environment and password file against a real PostgreSQL whose other roles must give a password. */
class ConnectionSettingsTest {

    private static final String ROLE = "libpq_alice";
    private static final String PASSWORD = "Pa:ss\\w0rd-libpq";
    private static final String DATABASE = "libpq_target";
    private static String port;

    @TempDir
    Path home;

    @BeforeAll
    static void roleAndDatabases() {
        ConnectionInfo admin = TestPostgres.server();
        port = PostgresUrl.parse(admin.jdbcUrl()).endpoints().getFirst().port();
        TestPostgres.execute(admin,
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + ROLE + "') THEN "
                        + "CREATE ROLE " + ROLE + " LOGIN PASSWORD '" + PASSWORD.replace("'", "''") + "'; END IF; END $$",
                "DROP DATABASE IF EXISTS " + DATABASE, "CREATE DATABASE " + DATABASE + " OWNER " + ROLE,
                "DROP DATABASE IF EXISTS " + ROLE, "CREATE DATABASE " + ROLE + " OWNER " + ROLE,
                "DROP DATABASE IF EXISTS \"esc:db\"", "CREATE DATABASE \"esc:db\" OWNER " + ROLE);
    }

    private static DatabaseFlags noFlags() {
        return new DatabaseFlags(DatabaseKind.AUTO, null, null, null);
    }

    private Map<String, String> env(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    private void pgpass(String text, String mode) throws Exception {
        Path file = home.resolve(".pgpass");
        Files.writeString(file, text);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
    }

    private static List<String> whereConnected(DatabaseRequest request) throws SQLException {
        try (Database db = Databases.open(request); Connection c = db.connection().open(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_database(), current_user, current_setting('application_name')")) {
            rs.next();
            return List.of(rs.getString(1), rs.getString(2), rs.getString(3));
        }
    }

    @Test
    void pghostPgportPgdatabaseAndPguserReachTheRightDatabase() throws Exception {
        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGDATABASE", DATABASE, "PGUSER", ROLE, "PGPASSWORD", PASSWORD, "PGAPPNAME", "psql-habits"), home);

        assertThat(request.resolvedKind()).isEqualTo(DatabaseKind.URL);
        assertThat(request.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        assertThat(request.source()).isEqualTo("PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD, PGAPPNAME");
        assertThat(whereConnected(request)).containsExactly(DATABASE, ROLE, "psql-habits");
    }

    @Test
    void withoutPgdatabaseTheDatabaseIsTheUsersNameAsInLibpq() throws Exception {
        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGUSER", ROLE, "PGPASSWORD", PASSWORD), home);

        assertThat(whereConnected(request)).startsWith(ROLE, ROLE);
    }

    @Test
    void aPrivatePgpassGivesThePasswordWithItsEscapesUndone() throws Exception {
        pgpass("# dbsim test\n127.0.0.1:" + port + ":other:" + ROLE + ":wrong\n"
                + "127.0.0.1:" + port + ":*:" + ROLE + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n"
                + "*:*:*:*:never-reached\n", "rw-------");

        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGDATABASE", DATABASE, "PGUSER", ROLE), home);

        assertThat(request.source()).isEqualTo("PGHOST, PGPORT, PGDATABASE, PGUSER, ~/.pgpass");
        assertThat(request.warnings()).isEmpty();
        assertThat(whereConnected(request)).startsWith(DATABASE, ROLE);
    }

    @Test
    void aPgpassOthersCanReadIsRefusedWithOneWarningAndTheLoginFails() throws Exception {
        pgpass("*:*:*:" + ROLE + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n", "rw-r--r--");

        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGDATABASE", DATABASE, "PGUSER", ROLE), home);

        assertThat(request.password()).isNull();
        assertThat(request.warnings()).singleElement().asString()
                .contains("has group or world access; permissions should be u=rw (0600) or less");
        assertThatThrownBy(() -> Databases.open(request)).isInstanceOf(DbsimException.class)
                .hasMessageContaining("asks user '" + ROLE + "' for a password and none was given")
                .hasMessageContaining("(settings from PGHOST, PGPORT, PGDATABASE, PGUSER)");
    }

    @Test
    void aJdbcUrlWithoutAPasswordTakesItFromThePgpassFileAsLibpqWould() throws Exception {
        Path custom = home.resolve("custom-pgpass");
        Files.writeString(custom, "localhost:" + port + ":esc\\:db:" + ROLE + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:"));
        Files.setPosixFilePermissions(custom, PosixFilePermissions.fromString("rw-------"));
        DatabaseFlags flags = new DatabaseFlags(DatabaseKind.AUTO, "jdbc:postgresql://localhost:" + port + "/esc%3Adb", ROLE, null);

        DatabaseRequest request = ConnectionSettings.resolve(flags, env("PGPASSFILE", custom.toString()), home);

        assertThat(request.source()).isEqualTo("--jdbc-url, --user, PGPASSFILE");
        assertThat(whereConnected(request)).startsWith("esc:db", ROLE);
    }

    @Test
    void flagsWinOverDbsimVariablesWhichWinOverLibpqOnes() throws Exception {
        pgpass("*:*:*:*:from-pgpass\n", "rw-------");
        DatabaseFlags flags = new DatabaseFlags(DatabaseKind.AUTO, null, null, "from-flag");

        DatabaseRequest request = ConnectionSettings.resolve(flags, env("DBSIM_JDBC_URL", "jdbc:postgresql://127.0.0.1:" + port
                + "/" + DATABASE, "PGHOST", "elsewhere", "DBSIM_USER", ROLE, "PGUSER", "bob", "DBSIM_PASSWORD", "from-dbsim-env",
                "PGPASSWORD", "from-pg-env"), home);

        assertThat(request.jdbcUrl()).isEqualTo("jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE);
        assertThat(request.user()).isEqualTo(ROLE);
        assertThat(request.password()).isEqualTo("from-flag");
        assertThat(request.source()).isEqualTo("DBSIM_JDBC_URL, DBSIM_USER, --password");
    }

    @Test
    void noUrlAndNoLibpqVariableStillMeansTheEmbeddedServer() {
        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("HOME", home.toString(), "PATH", "/usr/bin"), home);

        assertThat(request.resolvedKind()).isEqualTo(DatabaseKind.EMBEDDED);
        assertThat(request.source()).isEmpty();
    }

    @Test
    void thePasswordNeverAppearsInWhatDbsimPrints() throws Exception {
        pgpass("*:*:*:" + ROLE + ":" + PASSWORD.replace("\\", "\\\\").replace(":", "\\:") + "\n", "rw-------");
        DatabaseRequest request = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGDATABASE", DATABASE, "PGUSER", ROLE), home);
        String shown;
        try (Database db = Databases.open(request)) {
            shown = db.description() + "\n" + db.connection() + "\n" + request + "\n" + request.source();
        }
        assertThat(shown).contains("settings from PGHOST, PGPORT, PGDATABASE, PGUSER, ~/.pgpass").doesNotContain(PASSWORD);

        pgpass("*:*:*:" + ROLE + ":Wrong-Secret-42\n", "rw-------");
        DatabaseRequest wrong = ConnectionSettings.resolve(noFlags(), env("PGHOST", "127.0.0.1", "PGPORT", port,
                "PGDATABASE", DATABASE, "PGUSER", ROLE), home);
        assertThatThrownBy(() -> Databases.open(wrong))
                .hasMessageContaining("authentication failed").hasMessageNotContaining("Wrong-Secret-42");
        assertThat(wrong.toString() + wrong.source() + wrong.warnings()).doesNotContain("Wrong-Secret-42");
    }
}
