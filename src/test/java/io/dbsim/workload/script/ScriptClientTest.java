package io.dbsim.workload.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static io.dbsim.workload.script.Scripts.debugOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Running scripts of meta commands: branches, variables across executions, -D typing, failures, interrupts. */
class ScriptClientTest {

    private static final String BRANCHES = """
            \\if :x = 1
              \\set r debug(1)
            \\elif :x = 2
              \\if :y
                \\set r debug(21)
              \\else
                \\set r debug(20)
              \\endif
            \\elif :x = 3
              \\set r debug(3)
            \\else
              \\set r debug(0)
            \\endif
            \\set done debug(99)
            """;

    @ParameterizedTest(name = "x={0} y={1} runs {2}")
    @CsvSource({"1, true, 1", "2, yes, 21", "2, 0, 20", "2, off, 20", "3, true, 3", "4, true, 0", "2.0, 1.5, 21"})
    void ifElifElseTakeTheBranchTheVariablesChoose(String x, String y, String taken) throws Exception {
        Script script = Scripts.parse(BRANCHES, Defines.of(List.of("x=" + x, "y=" + y), 1, PgbenchSeeds.of(0, 1)));

        assertThat(debugOutput(script, 0, new SplittableRandom(1))).containsExactly("int " + taken, "int 99");
    }

    @Test
    void variablesKeepTheirValuesFromOneExecutionToTheNext() throws Exception {
        Script script = Scripts.parse("\\set n :n + 1\n\\set shown debug(:n)\n", Defines.of(List.of("n=10"), 1, PgbenchSeeds.of(0, 1)));
        List<String> shown = new ArrayList<>();
        ScriptClient watched = script.newClient(0, new SplittableRandom(1), line -> shown.add(line.substring(line.indexOf("): ") + 3)));

        for (int i = 0; i < 3; i++) {
            watched.execute(Scripts.NO_DATABASE, StatementTimer.NONE);
        }

        assertThat(shown).containsExactly("int 11", "int 12", "int 13");
    }

    @Test
    void builtInVariablesAreSetAndADefineWinsOverThem() throws Exception {
        String script = "\\set a debug(:client_id)\n\\set b debug(:scale)\n\\set c debug(:random_seed)\n";
        PgbenchSeeds seeds = PgbenchSeeds.of(1234, 2);

        assertThat(debugOutput(Scripts.parse(script, Defines.of(List.of(), 5, seeds)), 1, new SplittableRandom(1)))
                .containsExactly("int 1", "int 5", "int 1234");
        assertThat(debugOutput(Scripts.parse(script, Defines.of(List.of("scale=7", "client_id=9", "random_seed=3"), 5, seeds)), 1,
                new SplittableRandom(1))).containsExactly("int 9", "int 7", "int 3");
    }

    @ParameterizedTest(name = "-D v={0} reads as {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            42        => int 42
            -7        => int -7
            1.5e3     => double 1500
            .25       => double 0.25
            t         => boolean true
            ye        => boolean true
            On        => boolean true
            n         => boolean false
            of        => boolean false
            NULL      => null
            """)
    void aDefineIsTypedTheWayPgbenchTypesIt(String value, String shown) throws Exception {
        Script script = Scripts.parse("\\set x debug(:v)\n", Defines.of(List.of("v=" + value), 1, PgbenchSeeds.of(0, 1)));

        assertThat(debugOutput(script, 0, new SplittableRandom(1))).containsExactly(shown);
    }

    @Test
    void aDefineThatIsNoNumberFailsWhenAnExpressionReadsIt() {
        Script script = Scripts.parse("\\set x 1\n\\set y :v + 1\n", Defines.of(List.of("v=abc"), 1, PgbenchSeeds.of(0, 1)));

        assertThatThrownBy(() -> script.newClient(0, new SplittableRandom(1)).execute(Scripts.NO_DATABASE, StatementTimer.NONE))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:2: variable :v holds \"abc\", which is not a number, a boolean or NULL")
                .satisfies(e -> assertThat(((ScriptFailure) e).commandIndex()).isEqualTo(1));
    }

    @Test
    void aVariableSetOnlyInABranchNotTakenFailsTheExecutionThatReadsIt() throws Exception {
        Script script = Scripts.parse("\\if :client_id = 1\n\\set v 5\n\\endif\n\\set w debug(:v)\n");

        assertThat(debugOutput(script, 1, new SplittableRandom(1))).containsExactly("int 5");
        assertThatThrownBy(() -> debugOutput(script, 0, new SplittableRandom(1)))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:4: variable :v is not set (the \\set, \\gset or \\aset that sets it has not run)");
    }

    @Test
    void aSleepOnAVariableNeedsAWholeNumber() {
        Script script = Scripts.parse("\\sleep :d ms\n", Defines.of(List.of("d=soon"), 1, PgbenchSeeds.of(0, 1)));

        assertThatThrownBy(() -> debugOutput(script, 0, new SplittableRandom(1)))
                .isInstanceOf(ScriptFailure.class)
                .hasMessage("test.sql:1: invalid \\sleep time \"soon\": the variable must hold a whole number");
    }

    @Test
    void theTimerHearsOfEveryCommandThatRan() throws Exception {
        Script script = Scripts.parse("\\set a 1\n\\if :a = 2\n\\set b 2\n\\else\n\\set c 3\n\\endif\n\\sleep 0 ms\n");
        List<Integer> timed = new ArrayList<>();

        script.newClient(0, new SplittableRandom(1)).execute(Scripts.NO_DATABASE, (command, nanos) -> {
            assertThat(nanos).isNotNegative();
            timed.add(command);
        });

        assertThat(timed).containsExactly(0, 1, 4, 6);
    }

    @Test
    void anInterruptStopsASleepOnAVirtualThread() throws Exception {
        ScriptClient client = Scripts.parse("\\sleep 600 s\n").newClient(0, new SplittableRandom(1));
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread user = Thread.ofVirtual().start(() -> {
            try {
                client.execute(Scripts.NO_DATABASE, StatementTimer.NONE);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });

        user.interrupt();
        user.join(TimeUnit.SECONDS.toMillis(30));

        assertThat(user.isAlive()).isFalse();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aMixPicksScriptsInProportionToTheirWeights() {
        Script heavy = ScriptParser.parse(new ScriptSource("heavy.sql", "SELECT 1;\n", 3), Scripts.NO_DEFINES);
        Script light = ScriptParser.parse(new ScriptSource("light.sql", "SELECT 2;\n", 1), Scripts.NO_DEFINES);
        Script never = ScriptParser.parse(new ScriptSource("never.sql", "SELECT 3;\n", 0), Scripts.NO_DEFINES);
        ScriptMix mix = ScriptMix.of(List.of(heavy, never, light));
        SplittableRandom random = new SplittableRandom(5);
        int draws = 100_000;
        int heavyCount = 0;
        for (int i = 0; i < draws; i++) {
            Script chosen = mix.choose(random);
            assertThat(chosen).isNotSameAs(never);
            heavyCount += chosen == heavy ? 1 : 0;
        }

        assertThat((double) heavyCount / draws).isBetween(0.75 - 4.5 * Math.sqrt(0.75 * 0.25 / draws), 0.75 + 4.5 * Math.sqrt(0.75 * 0.25 / draws));
        assertThat(ScriptMix.of(List.of(light)).choose(null)).isSameAs(light);
    }

    @Test
    void clientsOfOneScriptRunConcurrentlyWithTheirOwnVariables() throws Exception {
        Script script = Scripts.parse("\\set n :n + :client_id\n\\set shown debug(:n)\n", Defines.of(List.of("n=0"), 1, PgbenchSeeds.of(0, 1)));
        List<CompletableFuture<List<String>>> runs = new ArrayList<>();
        for (int id = 1; id <= 4; id++) {
            int clientId = id;
            runs.add(CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                ScriptClient client = script.newClient(clientId, new SplittableRandom(clientId), lines::add);
                try {
                    for (int i = 0; i < 100; i++) {
                        client.execute(Scripts.NO_DATABASE, StatementTimer.NONE);
                    }
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
                return lines;
            }));
        }
        for (int id = 1; id <= 4; id++) {
            List<String> lines = runs.get(id - 1).get(30, TimeUnit.SECONDS);
            assertThat(lines).hasSize(100).last().asString().endsWith("int " + (100 * id));
        }
    }
}
