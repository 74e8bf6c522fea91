package io.dbsim.db;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class PgPassFileTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private PgPassFile file(String text, String mode) throws Exception {
        Path path = dir.resolve(".pgpass");
        Files.writeString(path, text);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(mode));
        return new PgPassFile(path);
    }

    private Optional<String> lookup(PgPassFile file, String host, String port, String database, String user) {
        return file.password(host, port, database, user, warnings::add);
    }

    @Test
    void firstMatchingLineWinsAndCommentsAreSkipped() throws Exception {
        PgPassFile file = file("""
                #db.example.com:5432:app:alice:commented-out
                db.example.com:5432:other:alice:other-db
                db.example.com:5432:app:alice:first
                db.example.com:5432:app:alice:second
                """, "rw-------");

        assertThat(lookup(file, "db.example.com", "5432", "app", "alice")).contains("first");
        assertThat(warnings).isEmpty();
    }

    @Test
    void aStarMatchesAnyValueButOnlyAsTheWholeField() throws Exception {
        PgPassFile file = file("""
                *:*:app*:alice:not-a-wildcard
                *:*:*:alice:any
                """, "rw-------");

        assertThat(lookup(file, "h1", "6543", "app", "alice")).contains("any");
        assertThat(lookup(file, "h1", "6543", "app*", "alice")).contains("not-a-wildcard");
        assertThat(lookup(file, "h1", "6543", "app", "bob")).isEmpty();
    }

    @Test
    void backslashEscapesColonsAndBackslashesInEveryField() throws Exception {
        PgPassFile file = file("h:5432:my\\:db:al\\\\ice:pa\\:ss\\\\wo\\rd:ignored after the colon\r\n", "rw-------");

        assertThat(lookup(file, "h", "5432", "my:db", "al\\ice")).contains("pa:ss\\word");
        assertThat(lookup(file, "h", "5432", "my", "al\\ice")).isEmpty();
    }

    @Test
    void portsMatchAsWrittenAndAnEmptyHostIsLocalhost() throws Exception {
        PgPassFile file = file("localhost:5432:app:alice:local\n", "rw-------");

        assertThat(lookup(file, "", "", "app", "alice")).contains("local");
        assertThat(lookup(file, "localhost", "05432", "app", "alice")).isEmpty();
    }

    @Test
    void anEmptyDatabaseOrUserMatchesNothingAsInLibpq() throws Exception {
        PgPassFile file = file("*:*:*:*:star\n", "rw-------");

        assertThat(lookup(file, "h", "5432", "", "alice")).isEmpty();
        assertThat(lookup(file, "h", "5432", "app", "")).isEmpty();
        assertThat(lookup(file, "h", "5432", "app", "alice")).contains("star");
    }

    @Test
    void aFileOthersCanReadIsIgnoredWithLibpqsWarning() throws Exception {
        PgPassFile file = file("*:*:*:*:star\n", "rw-r--r--");

        assertThat(lookup(file, "h", "5432", "app", "alice")).isEmpty();
        assertThat(warnings).containsExactly("WARNING: password file \"" + dir.resolve(".pgpass")
                + "\" has group or world access; permissions should be u=rw (0600) or less (ignored, as libpq does)");
    }

    @Test
    void groupWriteAloneIsAlsoRefusedAsLibpqRefusesAnyGroupAccess() throws Exception {
        assertThat(lookup(file("*:*:*:*:star\n", "rw--w----"), "h", "5432", "app", "alice")).isEmpty();
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aMissingFileIsSilentAndADirectoryIsNotAPlainFile() throws Exception {
        assertThat(lookup(new PgPassFile(dir.resolve("absent")), "h", "5432", "app", "alice")).isEmpty();
        assertThat(warnings).isEmpty();

        assertThat(lookup(new PgPassFile(dir), "h", "5432", "app", "alice")).isEmpty();
        assertThat(warnings).containsExactly("WARNING: password file \"" + dir + "\" is not a plain file");
    }
}
