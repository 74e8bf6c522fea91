package io.dbsim.engine;

import io.dbsim.workload.ConnectionLease;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One user's lease on the pool, reused for every operation it runs (no allocation per operation): it times when the
 * work asked for a connection, got it and gave it back, and gives back one the work still holds when it failed.
 */
final class TimedLease implements ConnectionLease {

    private final PoolGate gate;
    private Connection held;
    private long askedAt;
    private long gotAt;
    private long releasedAt;

    TimedLease(PoolGate gate) {
        this.gate = gate;
    }

    /** Before each attempt of an operation. */
    void reset() {
        held = null;
        askedAt = 0;
        gotAt = 0;
        releasedAt = 0;
    }

    @Override
    public Connection acquire() throws SQLException, InterruptedException {
        if (held != null) {
            throw new IllegalStateException("an operation's work asked for a second connection before giving back its first");
        }
        askedAt = System.nanoTime();
        held = gate.acquire();
        gotAt = System.nanoTime();
        return held;
    }

    @Override
    public void release(Connection connection) throws SQLException {
        held = null;
        try {
            gate.release(connection);
        } finally {
            releasedAt = System.nanoTime();
        }
    }

    /**
     * After the work: the connection back to the pool if the work still holds it (after a failure; HikariCP evicts a
     * broken one), so no operation can dry the pool up.
     */
    void releaseQuietly() {
        Connection c = held;
        if (c == null) {
            return;
        }
        held = null;
        try {
            gate.release(c);
        } catch (SQLException | RuntimeException ignored) {
            // The failure that got us here is what is counted; a connection that will not close is HikariCP's to evict.
        }
    }

    /** Nanoseconds waited for the connection; 0 when the work needed none. */
    long waitNanos() {
        return gotAt == 0 ? 0 : gotAt - askedAt;
    }

    /** Nanoseconds the connection was held; 0 when the work needed none. */
    long heldNanos() {
        return gotAt == 0 || releasedAt == 0 ? 0 : releasedAt - gotAt;
    }

    /** When the last attempt asked for a connection, or 0 when it did not. */
    long askedAt() {
        return askedAt;
    }
}
