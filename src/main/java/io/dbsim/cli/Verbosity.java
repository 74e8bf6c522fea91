package io.dbsim.cli;

import picocli.CommandLine.Option;

/** --verbose on every command; Dbsim reads it before parsing so that even parse errors honour it. */
public final class Verbosity {

    @Option(names = "--verbose", description = "Print stack traces with errors.")
    boolean verbose;
}
