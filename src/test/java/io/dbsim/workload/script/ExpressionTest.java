package io.dbsim.workload.script;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.dbsim.workload.script.Scripts.eval;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Expressions evaluate as in pgbench. Every expected value below was printed by pgbench 15.18 itself,
 * running a one-line script {@code \set x debug(EXPRESSION)} ("pgbench -n -t 1 -f one.sql") against
 * a PostgreSQL 15 server; errors are pgbench's own messages, which dbsim keeps.
 */
class ExpressionTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            1 + 2 * 3                 => int 7
            (1 + 2) * 3               => int 9
            1 + 2 - 3 - 4             => int -4
            2 * 3 % 4                 => int 2
            - 2 * 3                   => int -6
            -(2 + 3)                  => int -5
            +4                        => int 4
            ~ 1                       => int -2
            ~ 1 + 2                   => int -4
            ~ 1 | 2                   => int -2
            1 | 2 # 3 & 6             => int 0
            1 << 2 + 1                => int 8
            8 >> 2                    => int 2
            1 << 65                   => int 2
            """)
    void operatorsHavePgbenchsPrecedenceAndAssociativity(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            7 / 2                     => int 3
            -7 / 2                    => int -3
            7 % 3                     => int 1
            -7 % 3                    => int -1
            mod(54, 32)               => int 22
            mod(-54, 32)              => int -22
            7 / 2.0                   => double 3.5
            3 - 2.0                   => double 1
            5.5 % 2                   => int 0
            1.0 / 0                   => double Infinity
            0.1 + 0.2                 => double 0.3
            1.0 / 3                   => double 0.333333333333333
            100000000000000000000.0   => double 1e+20
            0.00001                   => double 1e-05
            1e-5 * 3                  => double 3e-05
            1e3                       => double 1000
            .5                        => double 0.5
            1.                        => double 1
            123456789012345678        => int 123456789012345678
            -9223372036854775808      => int -9223372036854775808
            -9223372036854775808 % -1 => int 0
            """)
    void integersDivideTowardsZeroAndAnyDoubleMakesTheResultDouble(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            9223372036854775807 + 1   => bigint add out of range
            -9223372036854775807 - 2  => bigint sub out of range
            9223372036854775807 * 2   => bigint mul out of range
            -9223372036854775808 / -1 => bigint div out of range
            1 / 0                     => division by zero
            1 % 0                     => division by zero
            int(1e300)                => double to int overflow
            int(true)                 => cannot coerce boolean to int
            abs(true)                 => cannot coerce boolean to double
            true = true               => cannot coerce boolean to int
            5 or 0                    => cannot coerce int to boolean
            not 1                     => cannot coerce int to boolean
            """)
    void overflowsDivisionsByZeroAndWrongTypesFailTheExecution(String expression, String message) {
        assertThat(eval(expression)).isEqualTo("error: test.sql:1: " + message
                + (message.startsWith("double to int") ? " for 1.0E300" : ""));
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            5 = 4                     => boolean false
            5 <> 4                    => boolean true
            5 != 5                    => boolean false
            5 < 4.5                   => boolean false
            5 <= 5                    => boolean true
            5 > 4                     => boolean true
            5 >= 6                    => boolean false
            1 = 1.0                   => boolean true
            TRUE AND FALSE            => boolean false
            true or false             => boolean true
            NOT false                 => boolean true
            not 1 = 2                 => boolean true
            NOT 1 = 1 AND false       => boolean false
            1 < 2 is true             => boolean true
            """)
    void comparisonsAndBooleanOperators(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            null and true             => null
            true and null             => null
            false and null            => boolean false
            null or true              => null
            true or null              => boolean true
            false or null             => null
            1 + null                  => null
            null * 2                  => null
            least(1, null)            => null
            1 is null                 => boolean false
            null is null              => boolean true
            null isnull               => boolean true
            1 notnull                 => boolean true
            true is true              => boolean true
            true is not false         => boolean true
            1 is true                 => boolean false
            1 is null is null         => boolean false
            """)
    void nullPropagatesExceptThroughIsAndShortCircuits(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            case when 1 = 2 then 10 when 2 = 2 then 20 else 30 end               => int 20
            case when false then 1 end                                           => null
            case when 0 then 1 when 0.0 then 2 when null then 3 else 4 end       => int 4
            CASE WHEN 5 THEN 7 END                                               => int 7
            """)
    void caseTestsTruthAndDefaultsToNull(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            abs(-17)                      => int 17
            abs(-2.5)                     => double 2.5
            abs(-9223372036854775807 - 1) => int -9223372036854775808
            debug(5432.1)                 => double 5432.1
            double(5432)                  => double 5432
            exp(1.0)                      => double 2.71828182845905
            greatest(5, 4, 3, 2)          => int 5
            greatest(5, 4.5)              => double 5
            least(5, 4, 3, 2.1)           => double 2.1
            int(5.4 + 3.8)                => int 9
            int(2.5)                      => int 2
            int(3.5)                      => int 4
            int(-2.5)                     => int -2
            ln(2.718281828459045)         => double 1
            ln(0)                         => double -Infinity
            pi()                          => double 3.14159265358979
            pow(2.0, 10)                  => double 1024
            power(2, 0.5)                 => double 1.4142135623731
            sqrt(2.0)                     => double 1.4142135623731
            sqrt(-1)                      => double NaN
            random(5, 5)                  => int 5
            random_zipfian(5, 5, 2)       => int 5
            permute(1, 1)                 => int 0
            """)
    void functionsReturnPgbenchsValues(String expression, String expected) {
        assertThat(eval(expression)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} fails: {1}")
    @CsvSource(delimiterString = "=>", quoteCharacter = '"', textBlock = """
            random(2, 1)                                        => empty range given to random
            random(-9223372036854775808, 9223372036854775807)    => random range is too large
            random_exponential(1, 10, 0)                        => exponential parameter must be greater than zero (not 0.0)
            random_exponential(1, 10, -1)                       => exponential parameter must be greater than zero (not -1.0)
            random_gaussian(1, 10, 1.999)                       => gaussian parameter must be at least 2.0 (not 1.999)
            random_zipfian(1, 10, 1.0)                          => zipfian parameter must be in range [1.001, 1000] (not 1.0)
            random_zipfian(1, 10, 1000.5)                       => zipfian parameter must be in range [1.001, 1000] (not 1000.5)
            permute(1, 0)                                       => permute size parameter must be greater than zero
            permute(1, -5, 3)                                   => permute size parameter must be greater than zero
            """)
    void functionArgumentsOutOfRangeFailTheExecution(String expression, String message) {
        assertThat(eval(expression)).isEqualTo("error: test.sql:1: " + message);
    }

    @Test
    void gaussianAcceptsItsMinimumParameterAndExponentialAnyPositiveOne() {
        assertThat(eval("random_gaussian(1, 10, 2.0)")).matches("int ([1-9]|10)");
        assertThat(eval("random_exponential(1, 10, 0.001)")).matches("int ([1-9]|10)");
        assertThat(eval("random_zipfian(1, 10, 1.001)")).matches("int ([1-9]|10)");
    }
}
