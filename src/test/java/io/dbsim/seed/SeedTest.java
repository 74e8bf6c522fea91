package io.dbsim.seed;

import io.dbsim.UsageException;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Migrator;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SeedTest {

    private static final SeedProfile TINY = SeedProfiles.load("small").withMembers(3_000).withOrganizations(150);

    private static ConnectionInfo migrated(String purpose) {
        ConnectionInfo db = TestPostgres.newDatabase(purpose);
        new Migrator(db).migrate(List.of());
        return db;
    }

    private static SeedResult seed(ConnectionInfo db, SeedProfile profile, long seed, boolean reset) {
        return new Seeder(db, new PrintWriter(new StringWriter()), 2, 60_000).seed(profile, seed, reset);
    }

    /** md5 of every row of every domain table, in id order. */
    private static Map<String, String> checksums(ConnectionInfo db) throws SQLException {
        Map<String, String> sums = new LinkedHashMap<>();
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (String table : DomainTables.ALL) {
                try (ResultSet rs = s.executeQuery("SELECT md5(string_agg(t::text, E'\\n' ORDER BY id)) FROM " + table + " t")) {
                    rs.next();
                    sums.put(table, rs.getString(1));
                }
            }
        }
        return sums;
    }

    private static long scalar(ConnectionInfo db, String sql) throws SQLException {
        try (Connection c = db.open(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void sameSeedGivesIdenticalTablesAndAnotherSeedDoesNot() throws SQLException {
        ConnectionInfo first = migrated("repro_a");
        ConnectionInfo second = migrated("repro_b");
        ConnectionInfo other = migrated("repro_c");
        seed(first, TINY, 7, false);
        seed(second, TINY, 7, false);
        seed(other, TINY, 8, false);

        Map<String, String> a = checksums(first);
        assertThat(a.values()).doesNotContainNull();
        assertThat(checksums(second)).isEqualTo(a);
        assertThat(checksums(other).get("members")).isNotEqualTo(a.get("members"));
    }

    @Test
    void seededRowCountsMatchThePlanAndTheProfile() throws SQLException {
        ConnectionInfo db = migrated("counts");
        SeedProfile small = SeedProfiles.load("small");
        SeedResult result = seed(db, small, 42, false);

        Map<String, Long> planned = Seeder.plannedRows(small, 42);
        assertThat(result.rows()).isEqualTo(planned);
        for (String table : DomainTables.ALL) {
            assertThat(scalar(db, "SELECT count(*) FROM " + table)).as(table).isEqualTo(planned.get(table));
        }
        assertThat(planned.get("members")).isEqualTo(5_000);
        assertThat(planned.get("organizations")).isEqualTo(200);
        assertThat(result.totalRows()).isBetween(15_000L, 20_000L);
    }

    @Test
    void mediumAndLargeProfilesPlanAtLeastOneAndTenMillionRows() {
        long medium = Seeder.plannedRows(SeedProfiles.load("medium"), 42).values().stream().mapToLong(Long::longValue).sum();
        long large = Seeder.plannedRows(SeedProfiles.load("large"), 42).values().stream().mapToLong(Long::longValue).sum();
        assertThat(medium).isGreaterThanOrEqualTo(1_000_000L);
        assertThat(large).isGreaterThanOrEqualTo(10_000_000L);
    }

    @Test
    void dataHasTheSkewsOfRealMembershipData() throws SQLException {
        ConnectionInfo db = migrated("shapes");
        seed(db, SeedProfiles.load("small"), 42, false);

        long members = scalar(db, "SELECT count(*) FROM members");
        long withOneCurrentJob = scalar(db, "SELECT count(*) FROM (SELECT member_id FROM member_employments "
                + "WHERE is_current GROUP BY member_id HAVING count(*) = 1) x");
        long withTwoCurrentJobs = scalar(db, "SELECT count(*) FROM (SELECT member_id FROM member_employments "
                + "WHERE is_current GROUP BY member_id HAVING count(*) > 1) x");
        long withHistory = scalar(db, "SELECT count(DISTINCT member_id) FROM member_employments WHERE NOT is_current");
        long active = scalar(db, "SELECT count(*) FROM members WHERE status = 'active'");
        long regular = scalar(db, "SELECT count(*) FROM members WHERE classification = 'regular'");
        long employments = scalar(db, "SELECT count(*) FROM member_employments");
        long topTwoPercentOrgs = scalar(db, "SELECT sum(n) FROM (SELECT count(*) AS n FROM member_employments "
                + "GROUP BY organization_id ORDER BY n DESC LIMIT (SELECT count(*) / 50 FROM organizations)) x");
        long studentsWithoutStudentClass = scalar(db, "SELECT count(*) FROM students s JOIN members m ON m.id = s.member_id "
                + "WHERE m.classification <> 'student'");

        assertThat(withOneCurrentJob).isGreaterThan(members / 2);
        assertThat(withTwoCurrentJobs).isZero();
        assertThat(withHistory).isGreaterThan(members / 4);
        assertThat(active).isBetween(members * 70 / 100, members * 90 / 100);
        assertThat(regular).isBetween(members * 50 / 100, members * 75 / 100);
        assertThat(topTwoPercentOrgs).as("2%% of organizations employ a large share").isGreaterThan(employments / 4);
        assertThat(studentsWithoutStudentClass).isZero();
    }

    @Test
    void seedRefusesADatabaseThatHoldsDataUnlessReset() throws SQLException {
        ConnectionInfo db = migrated("refuse");
        seed(db, TINY, 1, false);

        assertThatThrownBy(() -> seed(db, TINY, 2, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("already holds data")
                .hasMessageContaining("--reset");
        long membersBefore = scalar(db, "SELECT count(*) FROM members");

        seed(db, TINY.withMembers(1_000), 2, true);
        assertThat(membersBefore).isEqualTo(3_000);
        assertThat(scalar(db, "SELECT count(*) FROM members")).isEqualTo(1_000);
    }

    @Test
    void interruptedSeedIsMarkedIncompleteAndResetRestoresEverything() throws Exception {
        ConnectionInfo db = migrated("interrupt");
        String indexesQuery = "SELECT count(*) FROM pg_indexes WHERE schemaname = 'public' AND tablename <> 'flyway_schema_history' "
                + "AND tablename <> 'dbsim_seed_state'";
        String fkQuery = "SELECT count(*) FROM pg_constraint WHERE contype = 'f'";
        long indexes = scalar(db, indexesQuery);
        long foreignKeys = scalar(db, fkQuery);

        SeedProfile big = SeedProfiles.load("medium").withMembers(400_000);
        Thread killer = new Thread(() -> {
            try {
                while (scalar(db, "SELECT count(*) FROM (SELECT 1 FROM members LIMIT 1) x") == 0) {
                    Thread.sleep(20);
                }
                TestPostgres.execute(db, "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE datname = current_database() AND pid <> pg_backend_pid()");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        killer.start();
        assertThatThrownBy(() -> seed(db, big, 3, false)).isNotNull();
        killer.join();

        try (Connection c = db.open()) {
            assertThat(SeedState.read(c)).get().extracting(SeedState::status).isEqualTo("loading");
        }
        assertThat(scalar(db, fkQuery)).as("foreign keys were dropped for the load").isLessThan(foreignKeys);
        assertThatThrownBy(() -> seed(db, TINY, 3, false))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("incomplete seed")
                .hasMessageContaining("--reset");

        seed(db, TINY, 3, true);
        try (Connection c = db.open()) {
            assertThat(SeedState.read(c)).get().extracting(SeedState::status).isEqualTo("complete");
        }
        assertThat(scalar(db, indexesQuery)).isEqualTo(indexes);
        assertThat(scalar(db, fkQuery)).isEqualTo(foreignKeys);
        assertThat(scalar(db, "SELECT count(*) FROM members")).isEqualTo(3_000);
    }
}
