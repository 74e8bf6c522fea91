package io.dbsim.cli;

import io.dbsim.support.CliRun;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionTest {

    @Test
    void completionScriptCompletesEveryCommandAndItsOptions() {
        CliRun run = CliRun.of("completion");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("complete -F _complete_dbsim").contains("bashcompinit");
        String topLevel = run.out().lines().filter(l -> l.contains("local commands=\"")).findFirst().orElseThrow();
        assertThat(topLevel.replaceAll(".*commands=\"([^\"]*)\".*", "$1").split(" "))
                .contains("demo", "migrate", "seed", "run", "sweep", "capacity", "report", "compare", "ab", "completion");
        assertThat(run.out()).contains("'--jdbc-url'", "'--profile'", "'--users'", "'--candidate-migrations'", "'--reset'");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void completionIsListedInHelp() {
        assertThat(CliRun.of("--help").out()).containsPattern("(?m)^\\s+completion\\s+Print a bash or zsh completion script");
    }
}
