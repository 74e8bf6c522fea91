package io.dbsim.workload.script;

import io.dbsim.UsageException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every mistake found before any connection is one line: file:line, what is wrong, what to write instead. */
class ScriptErrorTest {

    static Stream<Arguments> mistakes() {
        return Stream.of(
                Arguments.of("\\set x random(1, 10\n",
                        "t.sql:1: syntax error at the end of the expression (column 20): write an expression such as random(1, 100000 * :scale)"),
                Arguments.of("SELECT 1;\n\\set x 1 < 2 < 3\n",
                        "t.sql:2: comparisons cannot be chained (< after a comparison) (column 14): combine them with AND, e.g. :a < :b AND :b < :c"),
                Arguments.of("\\set x 1;\n",
                        "t.sql:1: unexpected \";\" in the expression (column 9): remove it: a meta command ends at the end of its line, without a semicolon"),
                Arguments.of("\\set x 'a'\n",
                        "t.sql:1: unexpected \"'\" in the expression (column 8): expressions have no strings: write numbers, :variables, operators and functions"),
                Arguments.of("\\set x 99999999999999999999\n",
                        "t.sql:1: bigint constant 99999999999999999999 is out of range (column 8): write an integer between -9223372036854775808 and 9223372036854775807"),
                Arguments.of("\\set x rand(1, 2)\n",
                        "t.sql:1: unknown function \"rand\" (column 8): write one of abs, debug, double, exp, greatest, hash, hash_fnv1a, hash_murmur2, "
                                + "int, least, ln, mod, permute, pi, pow, power, random, random_exponential, random_gaussian, random_zipfian, sqrt"),
                Arguments.of("\\set x random(1)\n",
                        "t.sql:1: random() takes 2 arguments, not 1 (column 8): write random(lb, ub)"),
                Arguments.of("\\set x hash(1, 2, 3)\n",
                        "t.sql:1: hash() takes 1 or 2 arguments, not 3 (column 8): write hash(value [, seed])"),
                Arguments.of("\\set x least()\n",
                        "t.sql:1: least() takes 1 to 16 arguments, not 0 (column 8): write least(number, ...)"),
                Arguments.of("\\set 1x 1\n",
                        "t.sql:1: invalid variable name \"1x\" (column 6): use letters, digits and _, not starting with a digit"),
                Arguments.of("\\set x :x + 1\n",
                        "t.sql:1: variable :x is never set before it is used (column 8): set it earlier with \\set x ... or \\gset, or define it with -D x=VALUE"),
                Arguments.of("BEGIN;\nSELECT :y;\n",
                        "t.sql:2: variable :y is never set before it is used: set it earlier with \\set y ... or \\gset, "
                                + "or define it with -D y=VALUE (or write \": y\" if this colon is not a variable)"),
                Arguments.of("SELECT 1 AS a \\gset p_\n\\set b :a\n",
                        "t.sql:2: variable :a is never set before it is used (column 8): set it earlier with \\set a ... or \\gset, or define it with -D a=VALUE"),
                Arguments.of("\\if true\nSELECT 1;\n",
                        "t.sql:1: \\if without a matching \\endif: add \\endif where its block ends"),
                Arguments.of("SELECT 1;\n\\endif\n",
                        "t.sql:2: \\endif without a matching \\if: remove it, or add the \\if it closes"),
                Arguments.of("\\else\n",
                        "t.sql:1: \\else without a matching \\if: add the \\if it belongs to, or remove it"),
                Arguments.of("\\elif 1\n",
                        "t.sql:1: \\elif without a matching \\if: add the \\if it continues, or remove it"),
                Arguments.of("\\if 1\n\\else\n\\else\n\\endif\n",
                        "t.sql:3: \\else after \\else: keep one \\else per \\if and write the other branches as \\elif"),
                Arguments.of("\\if 1\n\\else\n\\elif 2\n\\endif\n",
                        "t.sql:3: \\elif after \\else: move this \\elif before the \\else"),
                Arguments.of("\\set x 1\n\\gset\n",
                        "t.sql:2: \\gset must follow an SQL command: put it right after the query whose row it stores, on the same line or the next"),
                Arguments.of("SELECT 1 AS a \\gset\n\\aset\n",
                        "t.sql:2: \\aset must follow an SQL command: put it right after the query whose row it stores, on the same line or the next"),
                Arguments.of("SELECT 1 \\gset 1p\n",
                        "t.sql:1: invalid \\gset prefix \"1p\" (column 7): use letters, digits and _, not starting with a digit"),
                Arguments.of("\\sleep 10 min\n",
                        "t.sql:1: unknown \\sleep unit \"min\" (column 11): write us, ms or s"),
                Arguments.of("\\sleep 10min\n",
                        "t.sql:1: unknown \\sleep unit \"min\" (column 10): write us, ms or s"),
                Arguments.of("\\sleep 1.5 ms\n",
                        "t.sql:1: invalid \\sleep time \"1.5\": it must be a whole number (column 8): write a whole number or a :variable, e.g. \\sleep 1500 us"),
                Arguments.of("\\sleep\n",
                        "t.sql:1: \\sleep needs a duration: write \\sleep 10 ms, \\sleep 1 s or \\sleep :delay us"),
                Arguments.of("SELECT 1;\n\\shell echo hi\n",
                        "t.sql:2: \\shell runs a program, which dbsim does not do: remove it; compute values with \\set or read them from the database with \\gset"),
                Arguments.of("\\setshell x echo 1\n",
                        "t.sql:1: \\setshell runs a program, which dbsim does not do: remove it; compute values with \\set or read them from the database with \\gset"),
                Arguments.of("\\startpipeline\nSELECT 1;\n\\endpipeline\n",
                        "t.sql:1: pipeline mode is not supported: remove \\startpipeline, \\syncpipeline and \\endpipeline; dbsim sends the commands one after another"),
                Arguments.of("\\foo\n",
                        "t.sql:1: unknown meta command \\foo (column 1): write one of \\set, \\sleep, \\gset, \\aset, \\if, \\elif, \\else, \\endif"),
                Arguments.of("   \n-- nothing to run\n",
                        "t.sql: the script has no commands: write at least one SQL command or meta command"),
                Arguments.of("SELECT 1;\nSELECT 'abc;\n",
                        "t.sql:2: a quoted string starting here is never closed: close it with '"),
                Arguments.of("SELECT $body$abc;\n",
                        "t.sql:1: a dollar-quoted string starting here is never closed: close it with $body$"),
                Arguments.of("SELECT (1;\n",
                        "t.sql:1: a parenthesis opened here is never closed: add the missing )"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("mistakes")
    void aMistakeIsOneLineNamingFileAndLine(String script, String message) {
        assertThatThrownBy(() -> ScriptParser.parse(ScriptSource.text("t.sql", script), Scripts.NO_DEFINES))
                .isInstanceOf(ScriptError.class)
                .isInstanceOf(UsageException.class)
                .hasMessage(message);
    }

    @Test
    void aWeightMustBeAWholeNumberUpToIntMax() {
        assertThatThrownBy(() -> ScriptSource.builtin("tpcb-like@x"))
                .isInstanceOf(ScriptError.class)
                .hasMessage("tpcb-like@x: invalid weight \"x\": write a whole number from 0 to 2147483647 after the @, e.g. tpcb-like@8");
        assertThatThrownBy(() -> ScriptSource.builtin("tpcb-like@2147483648"))
                .hasMessage("tpcb-like@2147483648: invalid weight \"2147483648\": write a whole number from 0 to 2147483647 after the @, e.g. tpcb-like@8");
        assertThatThrownBy(() -> ScriptSource.builtin("tpcb-like@-1")).hasMessageStartingWith("tpcb-like@-1: invalid weight \"-1\"");
        assertThat(ScriptSource.builtin("tpcb-like@0").weight()).isZero();
    }

    @Test
    void aBuiltInNameMustBeKnownAndUnambiguous() {
        assertThatThrownBy(() -> ScriptSource.builtin("s"))
                .hasMessage("built-in script s: the name fits 2 built-in scripts (simple-update, select-only): "
                        + "write more of the name: one of tpcb-like, simple-update, select-only");
        assertThatThrownBy(() -> ScriptSource.builtin("tpcc"))
                .hasMessage("built-in script tpcc: there is no such built-in script: write one of tpcb-like, simple-update, select-only");
    }

    @Test
    void aScriptFileIsReadWithItsWeightAndAMissingOneIsReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("checkout@home.sql");
        Files.writeString(file, "SELECT 1;\n");

        ScriptSource source = ScriptSource.file(file + "@8");

        assertThat(source.name()).isEqualTo(file.toString());
        assertThat(source.weight()).isEqualTo(8);
        assertThat(source.text()).isEqualTo("SELECT 1;\n");
        assertThatThrownBy(() -> ScriptSource.file(dir.resolve("missing.sql").toString()))
                .isInstanceOf(ScriptError.class)
                .hasMessage(dir.resolve("missing.sql") + ": there is no such script file: give the path of a pgbench script file");
    }

    @Test
    void aDefinitionMustBeNameEqualsValueWithAValidName() {
        assertThatThrownBy(() -> Defines.of(List.of("scale10"), 1, PgbenchSeeds.of(0, 1)))
                .isInstanceOf(UsageException.class)
                .hasMessage("invalid variable definition -D scale10: write -D NAME=VALUE, e.g. -D scale=10");
        assertThatThrownBy(() -> Defines.of(List.of("x="), 1, PgbenchSeeds.of(0, 1)))
                .hasMessage("invalid variable definition -D x=: write -D NAME=VALUE, e.g. -D scale=10");
        assertThatThrownBy(() -> Defines.of(List.of("1x=2"), 1, PgbenchSeeds.of(0, 1)))
                .hasMessage("invalid variable name \"1x\" in -D: use letters, digits and _, not starting with a digit");
    }

    @Test
    void mixedScriptsNeedSomeWeight() {
        Script idle = ScriptParser.parse(new ScriptSource("idle.sql", "SELECT 1;\n", 0), Scripts.NO_DEFINES);

        assertThatThrownBy(() -> ScriptMix.of(List.of(idle)))
                .isInstanceOf(ScriptError.class)
                .hasMessage("scripts: the total script weight is zero: give at least one script a weight above 0, e.g. name@1");
    }
}
