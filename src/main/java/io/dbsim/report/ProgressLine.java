package io.dbsim.report;

import io.dbsim.engine.RunListener;
import io.dbsim.engine.TimePoint;

import java.io.PrintWriter;
import java.util.Locale;

/** The progress line a run prints every progress interval, as pgbench -P does. */
public final class ProgressLine implements RunListener {

    private final PrintWriter out;

    public ProgressLine(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void progress(TimePoint p, double elapsedSeconds, boolean warmingUp) {
        out.printf(Locale.ROOT, "progress: %.1f s%s, %,.1f ops/s, lat p95 %.1f ms, users %d, errors %d, pool %d busy / %d waiting%s%n",
                elapsedSeconds, warmingUp ? " (warm-up, not measured)" : "", warmingUp ? p.warmUpOpsPerSecond() + p.opsPerSecond() : p.opsPerSecond(), p.p95Ms(), p.users(), p.errors(),
                p.poolBusy(), p.poolWaiting(), p.database() == null || p.database().locksNotGranted() == 0 ? ""
                        : ", " + p.database().locksNotGranted() + " lock waits");
        out.flush();
    }
}
