package io.dbsim.seed;

import io.dbsim.db.ConnectionInfo;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.postgresql.core.BaseConnection;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * pgbench's tables as {@code pgbench -i -s SCALE} makes them (PostgreSQL 15, client-side generation): its table
 * definitions (fillfactor 100; account ids bigint from scale 20,000 on), its rows (per scale unit 1 branch, 10 tellers
 * and 100,000 accounts, every balance 0, the branches' and tellers' filler NULL, the accounts' blank; history empty),
 * loaded with COPY FREEZE in the transaction that created the tables, then vacuumed and analysed, then given their
 * primary keys, in pgbench's order. Existing pgbench tables are dropped first, as pgbench -i drops them.
 */
public final class PgbenchTables {

    /** pgbench's SCALE_32BIT_THRESHOLD: from this scale on, account ids do not fit an int. */
    static final int BIGINT_SCALE = 20_000;
    static final int TELLERS_PER_BRANCH = 10;
    static final int ACCOUNTS_PER_BRANCH = 100_000;

    /** What was made: the scale, the rows loaded and how long it took. */
    public record Result(int scale, long rows, Duration took) {
    }

    private PgbenchTables() {
    }

    public static Result initialize(ConnectionInfo database, int scale) throws SQLException {
        if (scale < 1) {
            throw new IllegalArgumentException("scale must be at least 1, got " + scale);
        }
        long start = System.nanoTime();
        String aid = scale >= BIGINT_SCALE ? "bigint" : "int";
        long rows;
        try (Connection c = database.open(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("DROP TABLE IF EXISTS pgbench_accounts, pgbench_branches, pgbench_history, pgbench_tellers");
            s.execute("CREATE TABLE pgbench_history (tid int, bid int, aid " + aid + ", delta int, mtime timestamp, filler char(22))");
            s.execute("CREATE TABLE pgbench_tellers (tid int not null, bid int, tbalance int, filler char(84)) WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_accounts (aid " + aid + " not null, bid int, abalance int, filler char(84)) "
                    + "WITH (fillfactor=100)");
            s.execute("CREATE TABLE pgbench_branches (bid int not null, bbalance int, filler char(88)) WITH (fillfactor=100)");
            CopyManager copy = c.unwrap(BaseConnection.class).getCopyAPI();
            rows = load(copy, "pgbench_branches", scale, (i, out) -> out.append(i).append("\t0\t\\N\n"));
            rows += load(copy, "pgbench_tellers", (long) scale * TELLERS_PER_BRANCH,
                    (i, out) -> out.append(i).append('\t').append((i - 1) / TELLERS_PER_BRANCH + 1).append("\t0\t\\N\n"));
            rows += load(copy, "pgbench_accounts", (long) scale * ACCOUNTS_PER_BRANCH,
                    (i, out) -> out.append(i).append('\t').append((i - 1) / ACCOUNTS_PER_BRANCH + 1).append("\t0\t\n"));
            c.commit();
            c.setAutoCommit(true);
            for (String table : new String[] {"pgbench_branches", "pgbench_tellers", "pgbench_accounts", "pgbench_history"}) {
                s.execute("VACUUM ANALYZE " + table);
            }
            s.execute("ALTER TABLE pgbench_branches ADD PRIMARY KEY (bid)");
            s.execute("ALTER TABLE pgbench_tellers ADD PRIMARY KEY (tid)");
            s.execute("ALTER TABLE pgbench_accounts ADD PRIMARY KEY (aid)");
        }
        return new Result(scale, rows, Duration.ofNanos(System.nanoTime() - start));
    }

    @FunctionalInterface
    private interface Row {
        void write(long number, StringBuilder out);
    }

    /** Rows 1 to {@code count} as COPY text, sent in chunks so that memory stays flat at any scale. */
    private static long load(CopyManager copy, String table, long count, Row row) throws SQLException {
        CopyIn in = copy.copyIn("COPY " + table + " FROM STDIN WITH (FREEZE ON)");
        StringBuilder chunk = new StringBuilder(1 << 17);
        try {
            for (long i = 1; i <= count; i++) {
                row.write(i, chunk);
                if (chunk.length() >= 1 << 16) {
                    send(in, chunk);
                }
            }
            send(in, chunk);
            return in.endCopy();
        } finally {
            if (in.isActive()) {
                in.cancelCopy();
            }
        }
    }

    private static void send(CopyIn in, StringBuilder chunk) throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.US_ASCII);
        in.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }
}
