package io.dbsim.segment;

import io.dbsim.UsageException;
import io.dbsim.settings.Durations;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * Segments that cannot all be given one start time (pods of a Kubernetes Job, started whenever each is scheduled)
 * agree on one through a file on a volume they share: the first to get there creates it (an exclusive create, which
 * only one can win) holding its time plus a delay long enough for the others to get ready; the others read it.
 */
public final class StartFile {

    private static final Duration WRITER_GRACE = Duration.ofSeconds(10);

    private StartFile() {
    }

    /**
     * @param planned how long the test lasts (null when it ends after a number of operations): a file holding a start
     *                so long ago that such a test would be over is left from an earlier test, and refused
     */
    public static Instant agree(Path file, Duration delay, Duration planned) {
        Instant proposed = Instant.now().plus(delay).truncatedTo(ChronoUnit.MILLIS);
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, proposed + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    StandardOpenOption.SYNC);
            return proposed;
        } catch (FileAlreadyExistsException taken) {
            return checked(file, read(file), planned);
        } catch (IOException e) {
            throw new UsageException("--start-file " + file + " cannot be written: " + e.getMessage());
        }
    }

    /** The start another segment wrote; it creates the file before it writes it, so an empty file is waited for a little. */
    private static Instant read(Path file) {
        long deadline = System.nanoTime() + WRITER_GRACE.toNanos();
        String content = "";
        while (true) {
            try {
                content = Files.readString(file, StandardCharsets.UTF_8).trim();
                return Instant.parse(content);
            } catch (IOException | DateTimeParseException e) {
                if (System.nanoTime() > deadline) {
                    throw new UsageException("--start-file " + file + " does not hold a start time ('" + content + "'): remove it, "
                            + "and the first segment to start writes one");
                }
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UsageException("interrupted while reading --start-file " + file);
            }
        }
    }

    private static Instant checked(Path file, Instant start, Duration planned) {
        if (planned != null && start.plus(planned).plus(WRITER_GRACE).isBefore(Instant.now())) {
            throw new UsageException("--start-file " + file + " says the test started at " + start + ", so a test of "
                    + Durations.format(planned) + " would be over: the file is left from an earlier test; give each test an empty "
                    + "results volume (or remove the file)");
        }
        return start;
    }
}
