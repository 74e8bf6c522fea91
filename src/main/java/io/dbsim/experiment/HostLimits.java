package io.dbsim.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether this JVM and its OS limits can carry a target load: the heap its users take, the file descriptors and the
 * threads its pool takes. Users are virtual threads, so they cost heap, not OS threads; each pooled connection costs a
 * socket and HikariCP a few threads. Checked before a target run starts, so a load the host cannot carry is refused in
 * one line instead of failing minutes into the run.
 *
 * @param maxHeapBytes     the JVM's -Xmx
 * @param openFilesLimit   RLIMIT_NOFILE's soft limit; Long.MAX_VALUE when unlimited or unknown
 * @param openFilesNow     descriptors this process holds already
 * @param threadsLimit     the lower of RLIMIT_NPROC's soft limit and kernel.threads-max; Long.MAX_VALUE when unknown
 * @param threadsNow       threads this process runs already
 */
public record HostLimits(long maxHeapBytes, long openFilesLimit, long openFilesNow, long threadsLimit, long threadsNow) {

    /**
     * A user's heap at run time, measured: bench/scale-10k-users peaked at 215 MB for 10,000 users, about 15 KB a user
     * over the JVM's own; rounded up so garbage between collections fits too.
     */
    static final long HEAP_PER_USER = 24 * 1024;
    static final long HEAP_BASE = 64L * 1024 * 1024;
    /** The share of -Xmx a run may plan to fill; the rest is the collector's room. */
    static final double HEAP_USABLE = 0.85;
    /** Descriptors and threads besides the pool's: jars, the sampler, the observer's connection, the carriers. */
    static final long FILES_BESIDES_POOL = 64;
    static final long THREADS_BESIDES_POOL = 64;

    public static HostLimits ofThisJvm() {
        long files = limit("Max open files");
        long processes = limit("Max processes");
        long threadsMax = readLong(Path.of("/proc/sys/kernel/threads-max"));
        return new HostLimits(Runtime.getRuntime().maxMemory(), files, entries(Path.of("/proc/self/fd")),
                Math.min(processes, threadsMax), entries(Path.of("/proc/self/task")));
    }

    private static long entries(Path folder) {
        try (var list = Files.list(folder)) {
            return list.count();
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** The largest user count the heap carries. */
    public int largestUsers() {
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, (HEAP_USABLE * maxHeapBytes - HEAP_BASE) / HEAP_PER_USER));
    }

    /** Why {@code users} on a pool of {@code pool} cannot run here, or empty when they can. */
    public Optional<String> refusal(int users, int pool) {
        if (users > largestUsers()) {
            return Optional.of(String.format(Locale.ROOT, "%,d users need about %,d MB of heap and this JVM has %,d MB (-Xmx): "
                            + "it carries about %,d; give DBSIM_JAVA_OPTS=-Xmx%dm or a smaller --target-users", users,
                    mb(HEAP_BASE + (long) users * HEAP_PER_USER), mb(maxHeapBytes), largestUsers(),
                    mb((long) ((HEAP_BASE + (long) users * HEAP_PER_USER) / HEAP_USABLE)) + 1));
        }
        if (openFilesNow + pool + FILES_BESIDES_POOL > openFilesLimit) {
            return Optional.of(String.format(Locale.ROOT, "a pool of %,d needs %,d file descriptors and the open-files limit "
                    + "leaves %,d (ulimit -n %,d): raise it with 'ulimit -n' or give a smaller --pool-size", pool,
                    pool + FILES_BESIDES_POOL, Math.max(0, openFilesLimit - openFilesNow), openFilesLimit));
        }
        if (threadsNow + pool + THREADS_BESIDES_POOL > threadsLimit) {
            return Optional.of(String.format(Locale.ROOT, "a pool of %,d needs about %,d threads and the thread limit leaves "
                    + "%,d (ulimit -u, kernel.threads-max %,d): raise it or give a smaller --pool-size", pool,
                    pool + THREADS_BESIDES_POOL, Math.max(0, threadsLimit - threadsNow), threadsLimit));
        }
        return Optional.empty();
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    /** A soft limit from /proc/self/limits. */
    private static long limit(String name) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
                if (line.startsWith(name)) {
                    String soft = line.substring(name.length()).trim().split("\\s+")[0];
                    return "unlimited".equals(soft) ? Long.MAX_VALUE : Long.parseLong(soft);
                }
            }
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
        return Long.MAX_VALUE;
    }

    /** /proc's files report a size of 0, so they are read line by line rather than by their size. */
    private static long readLong(Path file) {
        try (var lines = Files.lines(file)) {
            return Long.parseLong(lines.findFirst().orElseThrow().trim());
        } catch (IOException | RuntimeException e) {
            return Long.MAX_VALUE;
        }
    }
}
