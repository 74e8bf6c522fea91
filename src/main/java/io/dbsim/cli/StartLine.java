package io.dbsim.cli;

import io.dbsim.engine.RunListener;
import io.dbsim.settings.Segment;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** Says when a run waits for its shared start, or how late it was for it. */
final class StartLine implements RunListener {

    private final PrintWriter err;
    private final String who;
    private final String with;

    StartLine(PrintWriter err, Segment segment) {
        this.err = err;
        this.who = segment.whole() ? "run" : "segment " + segment;
        this.with = segment.whole() ? "" : " with the other segments";
    }

    @Override
    public void waitingToStart(Instant startAt, Duration wait, Duration late) {
        if (late.isZero()) {
            err.printf(Locale.ROOT, "%s: ready; waiting until %s (%.1f s from now) to start%s%n", who, startAt,
                    wait.toMillis() / 1000.0, with);
        } else {
            err.printf(Locale.ROOT, "%s: started %.1f s late: the shared start was %s%n", who, late.toMillis() / 1000.0, startAt);
        }
        err.flush();
    }
}
