package io.dbsim.seed;

import java.util.function.LongToIntFunction;

/**
 * How many rows each unit (an organization, a member) owns in one table, summed per chunk so
 * that every chunk knows its first id before any row is generated: chunks can then be made in
 * parallel and still get the same ids every time.
 */
final class RowPlan {

    private final long units;
    private final int unitsPerChunk;
    private final long[] firstIds;

    RowPlan(long units, int unitsPerChunk, LongToIntFunction rowsOfUnit) {
        this.units = units;
        this.unitsPerChunk = unitsPerChunk;
        int chunks = (int) ((units + unitsPerChunk - 1) / unitsPerChunk);
        this.firstIds = new long[chunks + 1];
        long next = 1;
        for (int c = 0; c < chunks; c++) {
            firstIds[c] = next;
            long end = chunkEnd(c);
            for (long unit = chunkStart(c); unit < end; unit++) {
                next += rowsOfUnit.applyAsInt(unit);
            }
        }
        firstIds[chunks] = next;
    }

    static RowPlan onePerUnit(long units, int unitsPerChunk) {
        return new RowPlan(units, unitsPerChunk, unit -> 1);
    }

    int chunks() {
        return firstIds.length - 1;
    }

    /** First unit of chunk c; units are numbered from 1, as ids are. */
    long chunkStart(int c) {
        return 1 + (long) c * unitsPerChunk;
    }

    long chunkEnd(int c) {
        return Math.min(units + 1, chunkStart(c) + unitsPerChunk);
    }

    long firstId(int c) {
        return firstIds[c];
    }

    long rows() {
        return firstIds[firstIds.length - 1] - 1;
    }
}
