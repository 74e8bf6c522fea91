package io.dbsim.support;

import io.dbsim.cli.Dbsim;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * dbsim as a process of its own (the test's JVM and classes), for what needs several at once: segments of one test
 * are separate load generators, each with its own JVM, pool, signal handling and CPU figures.
 */
public final class DbsimProcess {

    private final Process process;
    private final Path out;
    private final Path err;

    private DbsimProcess(Process process, Path out, Path err) {
        this.process = process;
        this.out = out;
        this.err = err;
    }

    /** Starts {@code dbsim args...}; what it prints goes to {@code name}.out and .err in {@code logs}. */
    public static DbsimProcess start(Path logs, String name, String... args) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", classPath, Dbsim.class.getName()));
        command.addAll(List.of(args));
        Path out = logs.resolve(name + ".out");
        Path err = logs.resolve(name + ".err");
        Process p = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new DbsimProcess(p, out, err);
    }

    /** Its exit code, once it has ended. */
    public int exitCode(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("dbsim did not end within " + timeout + ": " + err());
        }
        return process.exitValue();
    }

    /** Waits until it printed {@code text} on stderr. */
    public void awaitErr(String text, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!err().contains(text)) {
            if (System.nanoTime() > deadline || !process.isAlive()) {
                throw new IllegalStateException("dbsim did not print '" + text + "': " + err());
            }
            Thread.sleep(100);
        }
    }

    /** SIGTERM, as Kubernetes stops a pod. */
    public void terminate() {
        process.destroy();
    }

    public String out() {
        return read(out);
    }

    public String err() {
        return read(err);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return "";
        }
    }
}
