package io.dbsim.seed;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary COPY format. Binary spares the server from parsing dates,
 * timestamps and numbers from text, which is most of the cost of loading this schema.
 */
final class CopyBuffer {

    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
    static final byte[] TRAILER = {(byte) 0xFF, (byte) 0xFF};

    /** PostgreSQL counts dates and timestamps from 2000-01-01. */
    private static final long PG_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
    private static final long PG_EPOCH_SECOND = PG_EPOCH_DAY * 86_400;

    private byte[] bytes;
    private int size;
    private int rowStart = -1;
    private short fields;
    private long rows;

    CopyBuffer(int capacity) {
        this.bytes = new byte[Math.max(capacity, 64)];
    }

    CopyBuffer add(String value) {
        if (value == null) {
            return addNull();
        }
        beginField();
        int n = value.length();
        ensure(4 + n * 3);
        int lengthAt = size;
        size += 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                bytes[size++] = (byte) c;
            } else {
                byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                if (Character.isHighSurrogate(c) && i + 1 < n) {
                    utf8 = value.substring(i, i + 2).getBytes(StandardCharsets.UTF_8);
                    i++;
                }
                System.arraycopy(utf8, 0, bytes, size, utf8.length);
                size += utf8.length;
            }
        }
        putInt(lengthAt, size - lengthAt - 4);
        return this;
    }

    CopyBuffer add(long value) {
        beginField();
        ensure(12);
        putInt(size, 8);
        putLong(size + 4, value);
        size += 12;
        return this;
    }

    CopyBuffer add(boolean value) {
        beginField();
        ensure(5);
        putInt(size, 1);
        bytes[size + 4] = (byte) (value ? 1 : 0);
        size += 5;
        return this;
    }

    CopyBuffer add(LocalDate value) {
        if (value == null) {
            return addNull();
        }
        beginField();
        ensure(8);
        putInt(size, 4);
        putInt(size + 4, (int) (value.toEpochDay() - PG_EPOCH_DAY));
        size += 8;
        return this;
    }

    /** A timestamp with time zone, given as epoch seconds (UTC). */
    CopyBuffer addTimestamp(long epochSecond) {
        return add((epochSecond - PG_EPOCH_SECOND) * 1_000_000L);
    }

    CopyBuffer addNull() {
        beginField();
        ensure(4);
        putInt(size, -1);
        size += 4;
        return this;
    }

    void endRow() {
        bytes[rowStart] = (byte) (fields >>> 8);
        bytes[rowStart + 1] = (byte) fields;
        rowStart = -1;
        rows++;
    }

    /** Empties the buffer for the next chunk, keeping its memory. */
    void clear() {
        size = 0;
        rows = 0;
        rowStart = -1;
    }

    long rows() {
        return rows;
    }

    byte[] array() {
        return bytes;
    }

    int size() {
        return size;
    }

    private void beginField() {
        if (rowStart < 0) {
            ensure(2);
            rowStart = size;
            size += 2;
            fields = 0;
        }
        fields++;
    }

    private void ensure(int more) {
        if (size + more + 8 > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more + 8));
        }
    }

    private void putInt(int at, int v) {
        bytes[at] = (byte) (v >>> 24);
        bytes[at + 1] = (byte) (v >>> 16);
        bytes[at + 2] = (byte) (v >>> 8);
        bytes[at + 3] = (byte) v;
    }

    private void putLong(int at, long v) {
        putInt(at, (int) (v >>> 32));
        putInt(at + 4, (int) v);
    }
}
