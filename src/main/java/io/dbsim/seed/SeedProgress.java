package io.dbsim.seed;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/** Prints a pgbench-style progress line every few seconds while rows are loading. */
final class SeedProgress implements AutoCloseable {

    private final PrintWriter out;
    private final long totalRows;
    private final long startNanos = System.nanoTime();
    private final AtomicLong done = new AtomicLong();
    private final ScheduledExecutorService timer;

    SeedProgress(PrintWriter out, long totalRows, long intervalMillis) {
        this.out = out;
        this.totalRows = totalRows;
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "seed-progress");
            t.setDaemon(true);
            return t;
        });
        timer.scheduleAtFixedRate(this::print, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void add(long rows) {
        done.addAndGet(rows);
    }

    private void print() {
        long rows = done.get();
        double seconds = (System.nanoTime() - startNanos) / 1e9;
        double rate = rows / Math.max(seconds, 1e-9);
        long eta = rate > 0 ? Math.round((totalRows - rows) / rate) : 0;
        out.printf(Locale.ROOT, "seed: %,d of %,d rows done (%.0f%%), %,.0f rows/s, %.1f s elapsed, %d s remaining%n",
                rows, totalRows, 100.0 * rows / Math.max(1, totalRows), rate, seconds, eta);
        out.flush();
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
