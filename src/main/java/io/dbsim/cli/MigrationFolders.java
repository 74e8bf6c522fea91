package io.dbsim.cli;

import io.dbsim.UsageException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Checks user-named migration folders before any database work starts. */
final class MigrationFolders {

    private MigrationFolders() {
    }

    static List<String> existing(List<Path> folders, String flag) {
        List<String> names = new ArrayList<>();
        for (Path folder : folders) {
            if (!Files.isDirectory(folder)) {
                throw new UsageException(flag + " " + folder + " is not a folder: give a folder of Flyway "
                        + "migrations named like V101__add_index.sql");
            }
            names.add(folder.toAbsolutePath().toString());
        }
        return names;
    }
}
