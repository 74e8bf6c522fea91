package io.dbsim.db;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyOut;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
        String format = binary(reader, from) ? "binary" : "text";
        CopyIn in = writer.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + to.sql() + " (" + columns + ") FROM STDIN WITH (FORMAT " + format + ", FREEZE)");
        CopyOut out = null;
        try {
            out = reader.unwrap(PGConnection.class).getCopyAPI()
                    .copyOut("COPY " + from.sql() + " (" + columns + ") TO STDOUT WITH (FORMAT " + format + ")");
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

    /** Binary COPY is the faster, but a type without binary send and receive functions (some extensions') needs text. */
    private static boolean binary(Connection c, TableName table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(bool_and(t.typsend <> 0 AND t.typreceive <> 0), true) "
                + "FROM pg_attribute a JOIN pg_type t ON t.oid = a.atttypid "
                + "WHERE a.attrelid = to_regclass(?) AND a.attnum > 0 AND NOT a.attisdropped")) {
            ps.setString(1, table.sql());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
