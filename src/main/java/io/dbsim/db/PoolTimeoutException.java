package io.dbsim.db;

/** No connection became free within the connection timeout. */
public final class PoolTimeoutException extends RuntimeException {
    public PoolTimeoutException(long waitedMillis) {
        super("no pooled connection became free within " + waitedMillis + " ms");
    }
}
