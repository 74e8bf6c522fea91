package io.dbsim.workload.script;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static io.dbsim.workload.script.Scripts.parse;
import static org.assertj.core.api.Assertions.assertThat;

/** How a script is split into commands and how SQL is rewritten for JDBC, as pgbench (psql's lexer) splits it. */
class ScriptParserTest {

    /**
     * The texts are what pgbench 15.18 -r lists as the first line of each command for this script
     * (pgbench -n -t 1 -r -f t3.sql), including the kept "--" comment and the trailing blank before \gset.
     */
    @Test
    void splitsCommandsAsPgbenchDoes() {
        Script script = parse("""
                SELECT 1; SELECT 2;
                SELECT (3
                );
                SELECT 5 \\; SELECT 6;
                -- comment
                SELECT 7 -- trailing
                ;
                SELECT $$a;b$$, 'x;y', "a;b" FROM (SELECT 1 AS "a;b") s /* ; */;
                SELECT 8 AS v \\gset
                \\set x :v
                SELECT 9""");

        assertThat(script.commands()).extracting(ScriptCommand::text).containsExactly(
                "SELECT 1;", "SELECT 2;", "SELECT (3", "SELECT 5 ; SELECT 6;", "SELECT 7 -- trailing",
                "SELECT $$a;b$$, 'x;y', \"a;b\" FROM (SELECT 1 AS \"a;b\") s /* ; */;", "SELECT 8 AS v ", "\\set x :v", "SELECT 9");
        assertThat(script.commands()).extracting(ScriptCommand::line).containsExactly(1, 1, 2, 4, 6, 8, 9, 10, 11);
        assertThat(script.commands()).extracting(ScriptCommand::sql)
                .containsExactly(true, true, true, true, true, true, true, false, true);
        assertThat(script.sqlCommandCount()).isEqualTo(8);
    }

    @Test
    void keepsSemicolonsInsideQuotesCommentsAndFunctionBodies() {
        Script script = parse("""
                SELECT E'it\\'s;', U&'d;', $tag$ $x$ ; $tag$, /* a /* nested ; */ comment */ 1;
                CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;
                SELECT 3;
                """);

        assertThat(jdbcSql(script)).containsExactly(
                "SELECT E'it\\'s;', U&'d;', $tag$ $x$ ; $tag$, /* a /* nested ; */ comment */ 1;",
                "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; SELECT 2; END;",
                "SELECT 3;");
    }

    @Test
    void variablesBecomeBindParametersOnlyOutsideQuotesAndComments() {
        Script script = parse("""
                \\set a 1
                \\set b 2
                SELECT :a, :b::int, ':a', "x:a", $$:a$$, :'a', arr[1:2], :a -- :b
                  /* :b */ , :a;
                """);

        Step.Sql sql = (Step.Sql) script.steps()[2];
        assertThat(sql.jdbcSql()).isEqualTo("SELECT ?, ?::int, ':a', \"x:a\", $$:a$$, :'a', arr[1:2], ? -- :b\n  /* :b */ , ?;");
        assertThat(sql.paramSlots()).containsExactly(0, 1, 0, 0);
        assertThat(script.commands().get(2).text()).isEqualTo("SELECT :a, :b::int, ':a', \"x:a\", $$:a$$, :'a', arr[1:2], :a -- :b");
    }

    @Test
    void aLiteralQuestionMarkIsDoubledSoTheDriverKeepsIt() {
        Script script = parse("SELECT '{\"k\": 1}'::jsonb ? 'k', '?';\n");

        assertThat(jdbcSql(script)).containsExactly("SELECT '{\"k\": 1}'::jsonb ?? 'k', '?';");
    }

    @Test
    void metaCommandsEndAtTheEndOfTheLineAndContinueAfterABackslash() {
        Script script = parse("\\set x 1 + \\\n  2 * 3\nSELECT 1 \\gset p_\nSELECT :p_x \\;\nSELECT 2 AS y \\aset\n");

        assertThat(script.commands()).extracting(ScriptCommand::text)
                .containsExactly("\\set x 1 +    2 * 3", "SELECT 1 ", "SELECT :p_x ;");
        Step.Sql gset = (Step.Sql) script.steps()[1];
        Step.Sql aset = (Step.Sql) script.steps()[2];
        assertThat(gset.store()).isEqualTo(Step.Store.GSET);
        assertThat(gset.prefix()).isEqualTo("p_");
        assertThat(aset.store()).isEqualTo(Step.Store.ASET);
        assertThat(aset.jdbcSql()).isEqualTo("SELECT ? ;\nSELECT 2 AS y ");
    }

    @Test
    void gsetMayFollowItsQueryOnTheNextLine() {
        Script script = parse("SELECT 1 AS one;\n\\gset\n\\set two :one + 1\n");

        assertThat(((Step.Sql) script.steps()[0]).store()).isEqualTo(Step.Store.GSET);
    }

    @Test
    void sleepTakesAnAmountAndAUnitWrittenApartOrTogether() {
        Script script = parse("\\sleep 10ms\n\\sleep 7 us\n\\sleep 2\n\\set d 5\n\\sleep :d S\n\\sleep -3 ms\n");

        assertThat(Arrays.stream(script.steps()).filter(s -> s instanceof Step.Sleep).map(s -> (Step.Sleep) s).toList())
                .containsExactly(new Step.Sleep(0, 10, -1, 1_000), new Step.Sleep(1, 7, -1, 1), new Step.Sleep(2, 2, -1, 1_000_000),
                        new Step.Sleep(4, 0, 0, 1_000_000), new Step.Sleep(5, -3, -1, 1_000));
    }

    @Test
    void connectionIsGivenBackAfterTheLastSqlCommandThatCanRun() {
        Script script = parse("""
                \\sleep 1 ms
                BEGIN;
                \\if :client_id = 0
                  SELECT 1;
                \\else
                  SELECT 2;
                \\endif
                END;
                \\if :client_id = 0
                  SELECT 3;
                \\endif
                \\sleep 1 ms
                """);

        assertThat(Arrays.stream(script.steps()).filter(s -> s instanceof Step.Sql).map(s -> ((Step.Sql) s).releaseAfter()))
                .containsExactly(false, false, false, false, true);
    }

    @Test
    void builtInScriptsAreWhatPgbenchShowScriptPrints() {
        // pgbench --show-script tpcb-like (pgbench 15.18), without its "-- tpcb-like: <builtin: TPC-B (sort of)>" header line
        assertThat(ScriptSource.builtin("tpcb-like").text()).isEqualTo("""
                \\set aid random(1, 100000 * :scale)
                \\set bid random(1, 1 * :scale)
                \\set tid random(1, 10 * :scale)
                \\set delta random(-5000, 5000)
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                UPDATE pgbench_tellers SET tbalance = tbalance + :delta WHERE tid = :tid;
                UPDATE pgbench_branches SET bbalance = bbalance + :delta WHERE bid = :bid;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                END;
                """);
        // pgbench --show-script simple-update
        assertThat(ScriptSource.builtin("simple-update").text()).isEqualTo("""
                \\set aid random(1, 100000 * :scale)
                \\set bid random(1, 1 * :scale)
                \\set tid random(1, 10 * :scale)
                \\set delta random(-5000, 5000)
                BEGIN;
                UPDATE pgbench_accounts SET abalance = abalance + :delta WHERE aid = :aid;
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                INSERT INTO pgbench_history (tid, bid, aid, delta, mtime) VALUES (:tid, :bid, :aid, :delta, CURRENT_TIMESTAMP);
                END;
                """);
        // pgbench --show-script select-only
        assertThat(ScriptSource.builtin("select-only").text()).isEqualTo("""
                \\set aid random(1, 100000 * :scale)
                SELECT abalance FROM pgbench_accounts WHERE aid = :aid;
                """);
    }

    @Test
    void builtInNamesAcceptAnUnambiguousPrefixAndAWeight() {
        ScriptSource source = ScriptSource.builtin("t@3");

        assertThat(source.name()).isEqualTo("tpcb-like");
        assertThat(source.weight()).isEqualTo(3);
        assertThat(ScriptSource.builtin("select").name()).isEqualTo("select-only");
        assertThat(ScriptSource.builtin("simple-update").weight()).isEqualTo(1);
        assertThat(parse(ScriptSource.builtin("tpcb-like").text()).sqlCommandCount()).isEqualTo(7);
    }

    private static List<String> jdbcSql(Script script) {
        return Arrays.stream(script.steps()).filter(s -> s instanceof Step.Sql).map(s -> ((Step.Sql) s).jdbcSql()).toList();
    }
}
