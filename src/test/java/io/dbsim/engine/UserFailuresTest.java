package io.dbsim.engine;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Which users saw failures and when: a spell per run of failed operations, ended by a success or the run's end. */
class UserFailuresTest {

    private static long at(double seconds) {
        return 1_000_000_000L + (long) (seconds * TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void failuresInARowAreOneSpellFromTheFirstToTheLastAndASuccessEndsIt() {
        UserFailures failures = new UserFailures(3, at(0));
        failures.after(0, false, at(1));
        failures.after(0, true, at(2));
        failures.after(0, true, at(2.5));
        failures.after(0, false, at(3));
        failures.after(1, true, at(2.2));
        failures.after(0, true, at(7));

        assertThat(failures.spells()).containsExactlyInAnyOrder(new FailureSpell(0, 2, 2.5), new FailureSpell(1, 2.2, 2.2),
                new FailureSpell(0, 7, 7));
    }

    @Test
    void pastTheirLimitSpellsAreNotKeptAndWhoFailedIsUnknown() {
        UserFailures failures = new UserFailures(1, at(0));
        for (int i = 0; i <= UserFailures.MAX_SPELLS; i++) {
            failures.after(0, true, at(i));
            failures.after(0, false, at(i + 0.5));
        }

        assertThat(failures.spells()).isNull();
    }
}
