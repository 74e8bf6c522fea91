package io.dbsim.db;

import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** How `dbsim ab` takes a schema change back: exactly, or not at all. Read against a real database at A. */
class CandidateMigrationsTest {

    @Test
    void createdThingsAreDroppedDroppedIndexesComeBackAndWhatExistedAtAIsLeftAlone() throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("candidate_undo");
        new Migrator(db).migrate(List.of());
        try (Connection c = db.open()) {
            assertThat(CandidateMigrations.undoOf("CREATE INDEX members_city_idx ON members (city)", c))
                    .isEqualTo("DROP INDEX IF EXISTS members_city_idx");
            assertThat(CandidateMigrations.undoOf("CREATE INDEX IF NOT EXISTS file_attachments_member_id_idx ON file_attachments (member_id)", c))
                    .as("the index is A's own").isEmpty();
            assertThat(CandidateMigrations.undoOf("DROP INDEX file_attachments_member_id_idx", c))
                    .isEqualTo("CREATE INDEX file_attachments_member_id_idx ON public.file_attachments USING btree (member_id)");
            assertThat(CandidateMigrations.undoOf("ALTER TABLE members ADD COLUMN amount numeric(10, 2) NOT NULL DEFAULT 0", c))
                    .isEqualTo("ALTER TABLE members DROP COLUMN IF EXISTS amount");
            assertThat(CandidateMigrations.undoOf("ALTER TABLE members ADD COLUMN IF NOT EXISTS email text", c))
                    .as("the column is A's own").isEmpty();
            assertThat(CandidateMigrations.undoOf("ALTER TABLE members ADD CONSTRAINT members_city_check CHECK (city <> '')", c))
                    .isEqualTo("ALTER TABLE members DROP CONSTRAINT IF EXISTS members_city_check");
            assertThat(CandidateMigrations.undoOf("CREATE TABLE audit_log (id bigint, note text)", c)).isEqualTo("DROP TABLE IF EXISTS audit_log");
            assertThat(CandidateMigrations.undoOf("COMMENT ON TABLE members IS 'x'", c)).isEmpty();

            assertThat(CandidateMigrations.undoOf("ALTER TABLE members ADD PRIMARY KEY (member_number)", c)).isNull();
            assertThat(CandidateMigrations.undoOf("ALTER TABLE members ADD COLUMN a int, ADD COLUMN b int", c)).isNull();
            assertThat(CandidateMigrations.undoOf("DROP INDEX file_attachments_member_id_idx CASCADE", c)).isNull();
            assertThat(CandidateMigrations.undoOf("UPDATE members SET city = upper(city)", c)).isNull();
        }
    }

    @Test
    void migrationsAreOrderedByVersionAsFlywayOrdersThemAndTakenBackNewestFirst(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("V10__second.sql"), "CREATE INDEX members_city_idx ON members (city);");
        Files.writeString(dir.resolve("V9__first.sql"), "CREATE TABLE audit_log (id bigint);");
        ConnectionInfo db = TestPostgres.newDatabase("candidate_order");
        new Migrator(db).migrate(List.of());
        CandidateMigrations change = CandidateMigrations.read(dir);
        assertThat(change.scripts()).containsExactly("V9__first.sql", "V10__second.sql");
        try (Connection c = db.open()) {
            assertThat(change.undo(c, Migrator.DBSIM_SCHEMA_HISTORY).statements()).containsExactly("DROP INDEX IF EXISTS members_city_idx", "DROP TABLE IF EXISTS audit_log");
        }
    }
}
