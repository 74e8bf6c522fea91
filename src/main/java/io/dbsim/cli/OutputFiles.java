package io.dbsim.cli;

import io.dbsim.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks on the files a command is asked to write, made before any work so a typo costs nothing. */
final class OutputFiles {

    private OutputFiles() {
    }

    /** A report file named where a folder is: refused with an example of what to give. */
    static void refuseFolder(Path file, String option, String example) {
        if (file != null && Files.isDirectory(file)) {
            throw new UsageException(option + " " + file + " is a folder: give a file name such as " + example);
        }
    }
}
