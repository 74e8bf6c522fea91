package io.dbsim.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.seed.PgbenchTables;
import io.dbsim.support.CliRun;
import io.dbsim.support.Sql;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** pgbench's built-in scripts through `dbsim run -b`, on pgbench's tables as `pgbench -i` makes them. */
class PgbenchBuiltinTest {

    @Test
    void pgbenchsTablesAreMadeAsPgbenchInitMakesThem() throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("pgbench_init");

        PgbenchTables.Result made = PgbenchTables.initialize(db, 2);

        assertThat(made.rows()).isEqualTo(2 + 20 + 200_000);
        // Column by column what pg_dump shows of the tables PostgreSQL 15's pgbench -i -s 2 makes.
        assertThat(Sql.rows(db, "SELECT table_name, column_name, data_type, coalesce(character_maximum_length, 0), is_nullable "
                + "FROM information_schema.columns WHERE table_name LIKE 'pgbench%' ORDER BY table_name, ordinal_position")).containsExactly(
                "pgbench_accounts aid integer 0 NO", "pgbench_accounts bid integer 0 YES", "pgbench_accounts abalance integer 0 YES",
                "pgbench_accounts filler character 84 YES",
                "pgbench_branches bid integer 0 NO", "pgbench_branches bbalance integer 0 YES", "pgbench_branches filler character 88 YES",
                "pgbench_history tid integer 0 YES", "pgbench_history bid integer 0 YES", "pgbench_history aid integer 0 YES",
                "pgbench_history delta integer 0 YES", "pgbench_history mtime timestamp without time zone 0 YES",
                "pgbench_history filler character 22 YES",
                "pgbench_tellers tid integer 0 NO", "pgbench_tellers bid integer 0 YES", "pgbench_tellers tbalance integer 0 YES",
                "pgbench_tellers filler character 84 YES");
        assertThat(Sql.rows(db, "SELECT relname, coalesce(array_to_string(reloptions, ','), '-') FROM pg_class "
                + "WHERE relname LIKE 'pgbench%' ORDER BY relname")).containsExactly("pgbench_accounts fillfactor=100",
                "pgbench_accounts_pkey -", "pgbench_branches fillfactor=100", "pgbench_branches_pkey -", "pgbench_history -",
                "pgbench_tellers fillfactor=100", "pgbench_tellers_pkey -");
        assertThat(Sql.rows(db, "SELECT count(*), count(filler), sum(abalance), bool_and(filler = ''), "
                + "bool_and(bid = (aid - 1) / 100000 + 1), max(aid) FROM pgbench_accounts")).containsExactly("200000 200000 0 t t 200000");
        assertThat(Sql.rows(db, "SELECT count(*), count(filler), sum(tbalance), bool_and(bid = (tid - 1) / 10 + 1) FROM pgbench_tellers"))
                .containsExactly("20 0 0 t");
        assertThat(Sql.rows(db, "SELECT count(*), count(filler), sum(bbalance) FROM pgbench_branches")).containsExactly("2 0 0");
        assertThat(Sql.value(db, "SELECT count(*) FROM pgbench_history")).isEqualTo("0");
        assertThat(Sql.value(db, "SELECT reltuples::bigint FROM pg_class WHERE relname = 'pgbench_accounts'")).isEqualTo("200000");
    }

    @Test
    void tpcbLikeKeepsTheTpcbInvariantsNamesItsStatementsAndFindsItsScaleAsPgbenchDoes(@TempDir Path dir) throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("pgbench_tpcb");
        PgbenchTables.initialize(db, 2);
        Path json = dir.resolve("run.json");

        CliRun run = CliRun.of("run", "-b", "tpcb-like", "-c", "4", "-T", "4", "--jdbc-url", db.jdbcUrl(), "--user", db.user(),
                "--progress", "60s", "--json", json.toString());

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        JsonNode report = new ObjectMapper().readTree(json.toFile());
        long succeeded = report.path("summary").path("succeeded").asLong();
        assertThat(succeeded).isGreaterThan(100);
        String delta = Sql.value(db, "SELECT coalesce(sum(delta), 0) FROM pgbench_history");
        assertThat(Sql.value(db, "SELECT sum(abalance) FROM pgbench_accounts")).isEqualTo(delta);
        assertThat(Sql.value(db, "SELECT sum(tbalance) FROM pgbench_tellers")).isEqualTo(delta);
        assertThat(Sql.value(db, "SELECT sum(bbalance) FROM pgbench_branches")).isEqualTo(delta);
        assertThat(Sql.value(db, "SELECT count(*) FROM pgbench_history")).as("one row per succeeded transaction")
                .isEqualTo(Long.toString(succeeded));
        assertThat(Long.parseLong(Sql.value(db, "SELECT max(aid) FROM pgbench_history"))).as(":scale read from pgbench_branches: 2")
                .isGreaterThan(100_000);
        boolean named = false;
        for (JsonNode st : report.path("statements")) {
            named |= st.path("operation").asText().equals("tpcb-like") && st.path("query").asText().startsWith("UPDATE pgbench_accounts");
        }
        assertThat(named).as(report.path("statements").toString()).isTrue();
    }

    @Test
    void withNoDatabaseGivenTheEmbeddedServerIsGivenPgbenchsTablesFirst() {
        CliRun run = CliRun.of("run", "-b", "select-only", "-c", "2", "-T", "2", "--progress", "60s");

        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.OK);
        assertThat(run.err()).contains("fresh database: making pgbench's tables at scale 1, as pgbench -i -s 1")
                .contains("pgbench tables: 100,011 rows");
        assertThat(run.out()).contains("workload: pgbench scripts select-only@1").contains("select-only").contains("failed              0 ");
    }
}
