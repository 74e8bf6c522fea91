package io.dbsim.seed;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;

/** Rows in PostgreSQL's COPY csv format, built in memory for one COPY call. */
final class CsvBuffer {

    private final StringBuilder text;
    private boolean lineStart = true;
    private long rows;

    CsvBuffer(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    CsvBuffer add(String value) {
        separator();
        if (value == null) {
            return this;
        }
        if (needsQuotes(value)) {
            text.append('"').append(value.replace("\"", "\"\"")).append('"');
        } else {
            text.append(value);
        }
        return this;
    }

    CsvBuffer add(long value) {
        separator();
        text.append(value);
        return this;
    }

    CsvBuffer add(boolean value) {
        separator();
        text.append(value ? 't' : 'f');
        return this;
    }

    CsvBuffer add(LocalDate value) {
        separator();
        if (value != null) {
            text.append(value);
        }
        return this;
    }

    /** A timestamp given as epoch seconds, written in UTC. */
    CsvBuffer addTimestamp(long epochSecond) {
        separator();
        text.append(Instant.ofEpochSecond(epochSecond));
        return this;
    }

    void endRow() {
        text.append('\n');
        lineStart = true;
        rows++;
    }

    long rows() {
        return rows;
    }

    byte[] bytes() {
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    String text() {
        return text.toString();
    }

    private void separator() {
        if (!lineStart) {
            text.append(',');
        }
        lineStart = false;
    }

    private static boolean needsQuotes(String value) {
        if (value.isEmpty()) {
            return true;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r' || c == '\\') {
                return true;
            }
        }
        return false;
    }
}
