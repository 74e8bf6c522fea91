package io.dbsim.cli;

import io.dbsim.support.CliRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mistake in a script or a workload file is one line naming file:line, what is wrong and what to write instead,
 * exit 2, before any connection: the server named here does not exist, so trying to reach it would end with exit 1.
 */
class OwnWorkloadErrorsTest {

    private static final String NOWHERE = "jdbc:postgresql://127.0.0.1:1/nowhere";

    private static CliRun run(String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "run";
        all[1] = "--jdbc-url";
        all[2] = NOWHERE;
        System.arraycopy(args, 0, all, 3, args.length);
        return CliRun.of(all);
    }

    private static void assertUsageLine(CliRun run, String... parts) {
        assertThat(run.exitCode()).as(run.all()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err().strip().lines().count()).as(run.err()).isEqualTo(1);
        assertThat(run.all()).doesNotContain("\tat ").doesNotContain("cannot connect");
        for (String part : parts) {
            assertThat(run.err()).contains(part);
        }
    }

    @Test
    void anUnknownFunctionIsNamedAtItsLineWithTheFunctionsThereAre(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("bad.sql"), "\\set a 1\n\\set b nosuch(:a)\nSELECT :b;\n");
        assertUsageLine(run("-f", script.toString()), "bad.sql:2: ", "unknown function \"nosuch\"", "write one of");
    }

    @Test
    void aVariableNothingSetsIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("bad.sql"), "SELECT 1;\nSELECT :missing;\n");
        assertUsageLine(run("-f", script.toString()), "bad.sql:2: variable :missing is never set before it is used",
                "-D missing=VALUE");
    }

    @Test
    void anIfWithoutItsEndifIsNamedWhereItOpens(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("bad.sql"), "\\if 1\nSELECT 1;\n");
        assertUsageLine(run("-f", script.toString()), "bad.sql:1: \\if without a matching \\endif", "add \\endif");
    }

    @Test
    void aScriptFileThatIsNotThereIsSaidSo() {
        assertUsageLine(run("-f", "no-such-script.sql"), "no-such-script.sql: there is no such script file");
    }

    @Test
    void scriptsTakeNoPatternOfTheMemberWorkload(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ok.sql"), "SELECT 1;\n");
        assertUsageLine(run("-f", script.toString(), "--pattern", "read_heavy"),
                "--pattern read_heavy is a pattern of dbsim's member workload", "leave --pattern out");
    }

    @Test
    void aThresholdOnAnOperationTheScriptsDoNotHaveIsRefused(@TempDir Path dir) throws Exception {
        Path script = Files.writeString(dir.resolve("ok.sql"), "SELECT 1;\n");
        assertUsageLine(run("-f", script.toString(), "--threshold", "search_members.p95<10ms"),
                "unknown operation 'search_members'", "known operations are ok");
    }

    @Test
    void aWorkloadParameterWithNoGeneratorIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                operations:
                  hello:
                    sql: |
                      SELECT 1
                      WHERE :who IS NOT NULL
                """);
        assertUsageLine(run("--workload", file.toString()), "bad.yaml:5: parameter :who of operation hello has no generator",
                "who: {random: uniform");
    }

    @Test
    void anUnknownOperationInAPatternIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                operations:
                  hello: {sql: SELECT 1}
                patterns:
                  greeters:
                    operations:
                      hello: 3
                      goodbye: 1
                """);
        assertUsageLine(run("--workload", file.toString()), "bad.yaml:7: unknown operation 'goodbye' in pattern greeters",
                "name one of this file's operations: hello");
    }

    @Test
    void aGeneratorOutsidePgbenchsRangeIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                operations:
                  hello:
                    sql: SELECT :n
                    parameters:
                      n: {random: gaussian, min: 1, max: 10, parameter: 1.5}
                """);
        assertUsageLine(run("--workload", file.toString()), "bad.yaml:5: parameter n: gaussian parameter must be at least 2.0");
    }

    @Test
    void anUnclosedQuoteInAWorkloadsSqlIsNamedAtItsLine(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), """
                operations:
                  hello:
                    sql: |
                      SELECT 1;
                      SELECT 'unclosed
                """);
        CliRun run = run("--workload", file.toString());
        assertUsageLine(run, "bad.yaml:5: ");
    }
}
