package io.dbsim.workload.script;

import io.dbsim.workload.ConnectionLease;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** A lease over one open connection that records when it was acquired and released, and whether it came back clean. */
final class RecordingLease implements ConnectionLease {

    record Event(String what, long nanos, boolean inTransaction) {
    }

    private final Connection connection;
    private final List<Event> events = new ArrayList<>();

    RecordingLease(Connection connection) {
        this.connection = connection;
    }

    @Override
    public Connection acquire() {
        events.add(new Event("acquire", System.nanoTime(), false));
        return connection;
    }

    @Override
    public void release(Connection released) throws SQLException {
        if (released != connection) {
            throw new AssertionError("released a connection this lease did not give out");
        }
        events.add(new Event("release", System.nanoTime(), Transactions.inTransaction(released)));
    }

    List<Event> events() {
        return events;
    }
}
