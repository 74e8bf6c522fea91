package io.dbsim.db;

import io.dbsim.db.schema.Tables;
import io.dbsim.support.TestPostgres;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MigratorTest {

    private static List<String> strings(ConnectionInfo db, String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                values.add(rs.getString(1));
            }
        }
        return values;
    }

    @Test
    void migrationsCreateTheTablesJooqWasGeneratedFrom() throws SQLException {
        ConnectionInfo db = TestPostgres.newDatabase("migrate");
        Migrator.Outcome outcome = new Migrator(db).migrate(List.of());

        assertThat(outcome.version()).isEqualTo("1");
        assertThat(outcome.applied()).isEqualTo(1);
        List<String> generated = io.dbsim.db.schema.DefaultSchema.DEFAULT_SCHEMA.getTables().stream()
                .map(t -> t.getName()).sorted().toList();
        assertThat(strings(db, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name <> 'flyway_schema_history' ORDER BY 1")).isEqualTo(generated);
        try (Connection c = db.open()) {
            assertThat(DSL.using(c).fetchCount(Tables.MEMBERS)).isZero();
        }
    }

    @Test
    void candidateIndexesAreLeftOutUntilAskedFor() throws SQLException {
        ConnectionInfo db = TestPostgres.newDatabase("candidates");
        new Migrator(db).migrate(List.of());
        String indexes = "SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1";
        assertThat(strings(db, indexes)).doesNotContain("members_last_name_idx", "member_employments_member_current_idx");

        Migrator.Outcome outcome = new Migrator(db).migrate(List.of("schema/candidates"));
        assertThat(outcome.version()).isEqualTo("100");
        assertThat(strings(db, indexes)).contains("members_last_name_idx", "members_status_classification_idx",
                "member_employments_member_current_idx");
    }
}
