package io.dbsim.cli;

import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.RunSample;
import io.dbsim.report.JsonReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Put two saved runs (the JSON of 'dbsim run --json FILE') side by side: the whole run, every operation "
                + "and every statement, each with its change, a confidence interval and a verdict: better, worse or within noise.",
            "",
            "The noise is measured, not assumed: each run's measured part is cut into consecutive batches, and a figure's "
                + "spread over them is its noise (batch means). Runs of a different pattern, user count, load model or data "
                + "volume are refused unless --force. For noise between runs too, repeat them with 'dbsim ab --repeat N'.",
            "",
            "Exit codes: 0 no regression, 99 a regression beyond --fail-on-regression, 2 bad input."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BEFORE.json", description = "Run A, the reference (e.g. before the change).")
    Path before;

    @Parameters(index = "1", paramLabel = "AFTER.json", description = "Run B, the candidate (e.g. after the change).")
    Path after;

    @Mixin
    ComparisonOutputs outputs;

    @Option(names = "--force", description = "Compare runs made under different conditions (pattern, users, data volume) anyway.")
    boolean force;

    @Mixin
    Verbosity verbosity;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        outputs.check();
        RunSample a = RunSample.of(before.toString(), JsonReport.read(before));
        RunSample b = RunSample.of(after.toString(), JsonReport.read(after));
        Comparison comparison = Comparison.of(List.of(a), List.of(b), force);
        PrintWriter out = spec.commandLine().getOut();
        return outputs.report(out, comparison, a, b);
    }
}
