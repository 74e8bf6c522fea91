package io.dbsim.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Moves a table's rows from one table to another as one binary COPY stream through dbsim: out of the snapshot's
 * copy on a reading connection, into the emptied table on the restoring one, with FREEZE. That writes the rows
 * frozen and their pages all-visible, as the seed's own COPY FREEZE did, which INSERT ... SELECT cannot.
 */
final class TableCopier {

    private static final int BUFFER_BYTES = 1 << 20;

    private TableCopier() {
    }

    /** Returns the rows written. The target must have been emptied in the writer's current transaction. */
    static long copy(Connection reader, TableName from, Connection writer, TableName to, String columns) throws SQLException {
        CopyIn in = writer.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + to.sql() + " (" + columns + ") FROM STDIN WITH (FORMAT binary, FREEZE)");
        CopyOut out = null;
        try {
            out = reader.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY " + from.sql() + " (" + columns + ") TO STDOUT WITH (FORMAT binary)");
            byte[] buffer = new byte[BUFFER_BYTES];
            int filled = 0;
            for (byte[] chunk = out.readFromCopy(); chunk != null; chunk = out.readFromCopy()) {
                if (filled + chunk.length > buffer.length) {
                    in.writeToCopy(buffer, 0, filled);
                    filled = 0;
                }
                if (chunk.length > buffer.length) {
                    in.writeToCopy(chunk, 0, chunk.length);
                } else {
                    System.arraycopy(chunk, 0, buffer, filled, chunk.length);
                    filled += chunk.length;
                }
            }
            in.writeToCopy(buffer, 0, filled);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
            if (out != null && out.isActive()) {
                out.cancelCopy();
            }
        }
    }
}
