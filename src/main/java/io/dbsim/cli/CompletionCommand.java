package io.dbsim.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;

/**
 * picocli's generated completion script, as its own AutoComplete.GenerateCompletion prints it, under a short name
 * and listed in --help (picocli's command is hidden).
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print a bash or zsh completion script for dbsim's commands and options.",
            "Load it into the current shell with: source <(./dbsim completion)"})
final class CompletionCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        out.print(AutoComplete.bash(spec.root().name(), spec.root().commandLine()));
        out.flush();
    }
}
