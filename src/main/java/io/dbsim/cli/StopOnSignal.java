package io.dbsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C (SIGINT) or SIGTERM while users run: stops them, then holds the JVM's exit until the
 * command has written what was measured so far and closed this ({@link #close()}), or 20 s have passed.
 */
final class StopOnSignal implements AutoCloseable {

    /** What stopping means for the command: end the run in hand and return once it has stopped. */
    interface Stopper {
        void stop(long timeout, TimeUnit unit) throws InterruptedException;
    }

    private final CountDownLatch reported = new CountDownLatch(1);
    private final Thread hook;

    StopOnSignal(Stopper stopper, PrintWriter err) {
        this.hook = new Thread(() -> {
            try {
                err.println("dbsim: stopping; writing what was measured so far");
                err.flush();
                stopper.stop(10, TimeUnit.SECONDS);
                reported.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        }, "dbsim-stop");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        reported.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The hook is already running and waits for the report written before this.
        }
    }
}
