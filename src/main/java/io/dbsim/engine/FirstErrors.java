package io.dbsim.engine;

import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.db.ErrorClass;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The first message of each error class a run met: a count says how often, only a message says what (an "other" is
 * otherwise unexplained). Written once per class, so the failure path pays one read after the first.
 */
public final class FirstErrors {

    static final int MAX_LENGTH = 300;

    private final AtomicReferenceArray<String> first = new AtomicReferenceArray<>(ErrorClass.values().length);

    void note(ErrorClass error, Throwable cause) {
        if (first.get(error.ordinal()) == null) {
            first.compareAndSet(error.ordinal(), null, describe(cause));
        }
    }

    /** By class label, in the classes' order; the classes never met are left out. */
    public Map<String, String> byLabel() {
        Map<String, String> byLabel = new LinkedHashMap<>();
        for (ErrorClass e : ErrorClass.values()) {
            String message = first.get(e.ordinal());
            if (message != null) {
                byLabel.put(e.label(), message);
            }
        }
        return byLabel;
    }

    /**
     * The driver's own words when there are some (the first SQLException with an SQLSTATE in the chain, as PostgreSQL
     * or pgjdbc said it), else the outermost exception's type and message with those of its root cause; one line, any
     * password in it masked.
     */
    static String describe(Throwable error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return shorten(DatabaseErrors.firstLine(sql.getMessage()) + " (SQLSTATE " + sql.getSQLState() + ")");
            }
            root = t;
        }
        return shorten(named(error) + (root == error ? "" : " (caused by " + named(root) + ")"));
    }

    private static String named(Throwable t) {
        return t.getClass().getName() + ": " + DatabaseErrors.firstLine(t.getMessage());
    }

    private static String shorten(String text) {
        String line = ConnectionInfo.redact(text);
        return line.length() <= MAX_LENGTH ? line : line.substring(0, MAX_LENGTH - 3) + "...";
    }
}
