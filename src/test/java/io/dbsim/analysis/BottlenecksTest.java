package io.dbsim.analysis;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.Migrator;
import io.dbsim.engine.RunListener;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.Simulation;
import io.dbsim.report.ConsoleReport;
import io.dbsim.seed.SeedProfiles;
import io.dbsim.seed.Seeder;
import io.dbsim.settings.RunSettings;
import io.dbsim.support.SeededDatabase;
import io.dbsim.support.TestPostgres;
import io.dbsim.support.TestSettings;
import io.dbsim.workload.Patterns;
import io.dbsim.workload.Workload;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class BottlenecksTest {

    static RunSettings config(String pattern, int users, Duration duration, Duration think, int pool) {
        return TestSettings.base().pattern(pattern).users(users).duration(duration).thinkTime(think).poolSize(pool).poolMinIdle(pool)
                .progressInterval(Duration.ofSeconds(60)).sampleInterval(Duration.ofMillis(500)).build();
    }

    static RunResult run(ConnectionInfo db, RunSettings config) {
        return new Simulation(config, Workload.builtIn(), Patterns.builtIn().named(config.pattern()), db, RunListener.NONE).run();
    }

    private static Optional<Finding> finding(RunResult run, String kind) {
        return Bottlenecks.of(run, RunSummary.of(run), PoolUse.of(run)).stream().filter(f -> f.kind().equals(kind)).findFirst();
    }

    private static String console(RunResult run) {
        StringWriter out = new StringWriter();
        ConsoleReport.print(new PrintWriter(out), RunReports.of(run, List.of(), null));
        return out.toString();
    }

    @Test
    void aPoolOfTwoForFiftyUsersIsSaturatedAndTheFindingRecommendsALargerPool() {
        ConnectionInfo db = SeededDatabase.create("pool_small");
        RunResult result = run(db, config("read_heavy", 50, Duration.ofSeconds(4), Duration.ofMillis(5), 2));

        PoolUse pool = PoolUse.of(result);
        assertThat(pool.saturationPct()).isGreaterThan(50);
        assertThat(pool.peakWaiting()).isGreaterThan(10);
        Finding f = finding(result, "pool_exhaustion").orElseThrow();
        assertThat((Integer) f.figures().get("recommended_pool_size")).isGreaterThan(2);
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("Little's law"));
        assertThat(console(result)).contains("pool exhaustion").contains("--pool-size " + f.figures().get("recommended_pool_size"));
    }

    @Test
    void aPoolOfFortyForFiveUsersHasNoPoolFinding() {
        ConnectionInfo db = SeededDatabase.create("pool_large");
        RunResult result = run(db, config("read_heavy", 5, Duration.ofSeconds(3), Duration.ofMillis(20), 40));

        assertThat(PoolUse.of(result).saturationPct()).isZero();
        assertThat(finding(result, "pool_exhaustion")).isEmpty();
    }

    @Test
    void theMissingIndexFindingNamesTheTableAndColumnsOnlyWhenTheIndexIsGone() {
        ConnectionInfo withIndex = seeded("with_search_index", List.of("schema/candidates"));
        ConnectionInfo withoutIndex = seeded("without_search_index",
                List.of("schema/candidates", "src/test/resources/migrations/drop-member-search-indexes"));
        RunSettings config = config("read_heavy", 4, Duration.ofSeconds(3), Duration.ofMillis(10), 4);

        RunResult missing = run(withoutIndex, config);
        Finding f = Bottlenecks.of(missing, RunSummary.of(missing), PoolUse.of(missing)).stream()
                .filter(x -> x.kind().equals("missing_index") && "search_members".equals(x.figures().get("operation")))
                .findFirst().orElseThrow(() -> new AssertionError(console(missing)));
        assertThat(f.figures().get("table")).isEqualTo("members");
        @SuppressWarnings("unchecked")
        List<String> columns = (List<String>) f.figures().get("columns");
        assertThat(columns).contains("last_name", "status");
        assertThat((Long) f.figures().get("seq_scans")).isPositive();
        assertThat(f.fix()).contains("CREATE INDEX CONCURRENTLY ON members (");

        RunResult present = run(withIndex, config);
        assertThat(Bottlenecks.of(present, RunSummary.of(present), PoolUse.of(present))).as(console(present)).noneMatch(x -> x.kind().equals("missing_index")
                && "search_members".equals(x.figures().get("operation")));
    }

    @Test
    void aSortOfAWholeTableForOnePageIsAMissingIndexOnTheSortKeys() {
        ConnectionInfo db = SeededDatabase.create("sort_index");
        RunResult result = run(db, config("read_heavy", 4, Duration.ofSeconds(3), Duration.ofMillis(10), 4));

        Finding f = Bottlenecks.of(result, RunSummary.of(result), PoolUse.of(result)).stream()
                .filter(x -> x.kind().equals("missing_index") && "read_member_list".equals(x.figures().get("operation")))
                .findFirst().orElseThrow(() -> new AssertionError(console(result)));
        assertThat(f.figures().get("columns")).isEqualTo(List.of("last_name", "first_name", "id"));
        assertThat(f.evidence().get(0)).contains("reads and sorts all of members").contains("ORDER BY");
    }

    @Test
    void aRowLockHeldByAnotherSessionShowsAsLockWaitsInTheWaitEvents() throws Exception {
        ConnectionInfo db = SeededDatabase.create("row_locks");
        try (Connection holder = db.open(); Statement s = holder.createStatement()) {
            holder.setAutoCommit(false);
            s.executeQuery("SELECT id FROM members FOR UPDATE").close();
            Thread release = Thread.ofPlatform().start(() -> {
                try {
                    Thread.sleep(2500);
                    holder.rollback();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            RunResult result = run(db, config("write_heavy", 6, Duration.ofSeconds(4), Duration.ofMillis(5), 6));
            release.join();

            Map<String, Long> events = result.observation().waits().waitEvents();
            assertThat(events.keySet()).anySatisfy(k -> assertThat(k).startsWith("Lock:"));
            assertThat(result.observation().waits().samplesWithLockWaits()).isPositive();
            assertThat(result.observation().waits().lockWaitsByOperation()).containsKey("update_member");
            assertThat(console(result)).contains("Lock:");
        }
    }

    @Test
    void joinsThatOutgrowWorkMemShowAsTempSpillsNamingTheStatement() {
        ConnectionInfo db = SeededDatabase.create("temp_spills");
        TestPostgres.execute(db, "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET work_mem = %L', current_database(), '64kB'); END $$");

        RunResult result = run(db, config("read_heavy", 4, Duration.ofSeconds(3), Duration.ofMillis(10), 4));

        Finding f = finding(result, "temp_spills").orElseThrow(() -> new AssertionError(console(result)));
        assertThat((Long) f.figures().get("temp_files")).isPositive();
        assertThat(f.figures().get("work_mem")).isEqualTo("64kB");
        assertThat(f.evidence()).anySatisfy(e -> assertThat(e).containsAnyOf("list_students", "read_member_list",
                "read_member_detail", "search_members"));
    }

    @Test
    void aWorkingSetLargerThanSharedBuffersShowsAsALowCacheHitRatio() throws Exception {
        try (EmbeddedPostgres tiny = EmbeddedPostgres.builder().setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("shared_buffers", "1MB").setServerConfig("max_connections", "30").start()) {
            ConnectionInfo db = new ConnectionInfo(tiny.getJdbcUrl("postgres", "postgres"), "postgres", "");
            new Migrator(db).migrate(List.of());
            new Seeder(db, new PrintWriter(new StringWriter()), 2, 60_000).seed(SeedProfiles.load("small"), 42, false);

            RunResult result = run(db, config("read_heavy", 4, Duration.ofSeconds(3), Duration.ofMillis(10), 4));

            Finding f = finding(result, "low_cache_hit").orElseThrow(() -> new AssertionError(console(result)));
            assertThat((Double) f.figures().get("cache_hit_pct")).isLessThan(99.0);
            assertThat(f.evidence()).anySatisfy(e -> assertThat(e).contains("shared_buffers is 1MB"));
        }
    }

    private static ConnectionInfo seeded(String purpose, List<String> extraMigrations) {
        ConnectionInfo db = TestPostgres.newDatabase(purpose);
        new Migrator(db).migrate(extraMigrations);
        new Seeder(db, new PrintWriter(new StringWriter()), 2, 60_000).seed(SeedProfiles.load("small"), 42, false);
        return db;
    }
}
