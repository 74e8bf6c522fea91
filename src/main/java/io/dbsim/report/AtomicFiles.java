package io.dbsim.report;

import io.dbsim.DbsimException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a report file whole or not at all: into a temporary file beside it, then moved into place,
 * so Ctrl-C or a full disk never leaves half a report. Reports are for sharing, so they are made
 * readable by all (a temporary file starts private).
 */
final class AtomicFiles {

    interface Writer {
        void write(Path tmp) throws IOException;
    }

    private AtomicFiles() {
    }

    static void write(Path file, String what, Writer writer) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path tmp = Files.createTempFile(parent, ".dbsim-", ".tmp");
            try {
                writer.write(tmp);
                if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
                }
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new DbsimException("cannot write the " + what + " to " + file + ": " + e.getMessage(), e);
        }
    }
}
