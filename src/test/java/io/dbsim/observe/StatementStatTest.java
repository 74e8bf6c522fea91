package io.dbsim.observe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StatementStatTest {

    @Test
    void aPasswordInAStatementTextIsMaskedBeforeItCanReachAReport() {
        assertThat(StatementStat.redact("ALTER ROLE app PASSWORD 'se''cret' VALID UNTIL 'infinity'"))
                .isEqualTo("ALTER ROLE app PASSWORD '***' VALID UNTIL 'infinity'");
        assertThat(StatementStat.redact("create user x with password 'hunter2'")).doesNotContain("hunter2");
        assertThat(StatementStat.redact("select * from members where id = $1")).isEqualTo("select * from members where id = $1");
    }
}
