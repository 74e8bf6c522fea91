package io.dbsim.workload.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;

import static io.dbsim.workload.script.Scripts.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Deterministic functions and seeded random streams give exactly pgbench's numbers. The expected
 * values were printed by pgbench 15.18 (Debian 15.18-0+deb12u1) against a PostgreSQL 15 server, from
 * scripts of {@code \set v debug(...)} lines: {@code pgbench -n -t 1 -f ref1.sql} for the functions
 * with explicit seeds, {@code pgbench -n -c 3 -t 2 --random-seed=42 -f ref2.sql} for the seeded streams.
 */
class PgbenchReferenceTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", textBlock = """
            hash(10, 5432)                                 => -5817877081768721676
            hash_fnv1a(10, 5432)                           => -7793829335365542153
            hash_murmur2(10, 5432)                         => -5817877081768721676
            hash(-1, 0)                                    => 4219408603045787357
            hash_fnv1a(-1, 0)                              => -8289690350564177859
            hash_murmur2(9223372036854775807, -7)          => -3132099691573999183
            hash_fnv1a(123456789, -123456789)              => -7193093699723459074
            permute(0, 10, 5432)                           => 6
            permute(1, 10, 5432)                           => 5
            permute(7, 10, 5432)                           => 4
            permute(12345, 1000000, 42)                    => 100143
            permute(-3, 1000, 1)                           => 396
            permute(5, 3, 99)                              => 2
            permute(999999999, 9223372036854775807, 7)     => 276629741053001944
            """)
    void hashAndPermuteWithExplicitSeedsMatchPgbench(String expression, long expected) {
        assertThat(eval(expression)).isEqualTo("int " + expected);
    }

    /** ref2.sql; pgbench printed one line per \set, clients taking turns per transaction. */
    private static final String SEEDED = """
            \\set c debug(:client_id)
            \\set r debug(random(1, 1000000))
            \\set e debug(random_exponential(1, 1000, 3.5))
            \\set g debug(random_gaussian(1, 1000, 2.5))
            \\set z debug(random_zipfian(1, 1000, 1.2))
            \\set h debug(hash(42))
            \\set p debug(permute(42, 1000))
            \\set s debug(:random_seed)
            \\set d debug(:default_seed)
            """;

    @Test
    void seededClientStreamsDrawWhatPgbenchDrawsForTheSameRandomSeed() throws Exception {
        PgbenchSeeds seeds = PgbenchSeeds.of(42, 3);
        Script script = Scripts.parse(SEEDED, Defines.of(List.of(), 1, seeds));
        List<ScriptClient> clients = new ArrayList<>();
        List<List<String>> printed = new ArrayList<>();
        for (int id = 0; id < 3; id++) {
            List<String> lines = new ArrayList<>();
            printed.add(lines);
            clients.add(script.newClient(id, seeds.clientRandom(id), line -> lines.add(line.substring(line.indexOf("): ") + 3))));
        }
        for (int transaction = 0; transaction < 2; transaction++) {
            for (ScriptClient client : clients) {
                client.execute(Scripts.NO_DATABASE, StatementTimer.NONE);
            }
        }

        String constants = " int 1108002189298431540 int 231 int 42 int 1183949725203728575";
        assertThat(String.join(" ", printed.get(0))).isEqualTo(
                "int 0 int 668251 int 448 int 398 int 582" + constants + " int 0 int 3615 int 843 int 318 int 373" + constants);
        assertThat(String.join(" ", printed.get(1))).isEqualTo(
                "int 1 int 844242 int 263 int 251 int 1" + constants + " int 1 int 48475 int 68 int 200 int 32" + constants);
        assertThat(String.join(" ", printed.get(2))).isEqualTo(
                "int 2 int 802035 int 42 int 626 int 1" + constants + " int 2 int 159460 int 56 int 492 int 1" + constants);
    }
}
