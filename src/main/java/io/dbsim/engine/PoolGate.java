package io.dbsim.engine;

import com.zaxxer.hikari.HikariDataSource;
import io.dbsim.db.PoolTimeoutException;
import io.dbsim.settings.PoolQueue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The queue in front of HikariCP. Users are many and connections few; measured with virtual threads,
 * HikariCP's own hand-off lets a thread that just returned a connection take it straight back while
 * others wait on, so some users starve. A fair semaphore sized to the pool serves waiters first come,
 * first served, as a request queue in front of a real application's pool does.
 */
public final class PoolGate implements AutoCloseable {

    private final HikariDataSource pool;
    private final Semaphore permits;
    private final PoolQueue queue;
    private final long timeoutNanos;
    private final int size;

    public PoolGate(HikariDataSource pool, PoolQueue queue) {
        this.pool = pool;
        this.queue = queue;
        this.size = pool.getMaximumPoolSize();
        this.permits = new Semaphore(size, true);
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(pool.getConnectionTimeout());
    }

    public Connection acquire() throws SQLException, InterruptedException {
        if (queue == PoolQueue.DIRECT) {
            return pool.getConnection();
        }
        if (!permits.tryAcquire(timeoutNanos, TimeUnit.NANOSECONDS)) {
            throw new PoolTimeoutException(TimeUnit.NANOSECONDS.toMillis(timeoutNanos));
        }
        try {
            return pool.getConnection();
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    public void release(Connection connection) throws SQLException {
        try {
            connection.close();
        } finally {
            if (queue == PoolQueue.FAIR) {
                permits.release();
            }
        }
    }

    public int size() {
        return size;
    }

    /** Users waiting for a connection right now. */
    public int waiting() {
        var mx = pool.getHikariPoolMXBean();
        int inPool = mx == null ? 0 : mx.getThreadsAwaitingConnection();
        return queue == PoolQueue.FAIR ? permits.getQueueLength() + inPool : inPool;
    }

    public int busy() {
        var mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getActiveConnections();
    }

    public int idle() {
        var mx = pool.getHikariPoolMXBean();
        return mx == null ? 0 : mx.getIdleConnections();
    }

    @Override
    public void close() {
        pool.close();
    }
}
