package io.dbsim.seed;

/** Makes the rows of one table, chunk by chunk, in binary COPY format. */
interface TableGenerator {

    String table();

    /** Column list for COPY, in the order rows are written. */
    String columns();

    RowPlan plan();

    /** Writes all rows of chunk c; ids start at plan().firstId(c). */
    void write(int chunk, CopyBuffer out);
}
