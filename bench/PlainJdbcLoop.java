import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JVM's own limit on the driver benchmark's statement: CLIENTS platform threads, each on a connection of its own,
 * each running one prepared statement again and again with a uniformly random id and reading its rows, with nothing
 * else around it: no pool, no queue, no histogram. Prints the operations per second of the last SECONDS after a
 * WARM_UP, as dbsim measures after --warm-up.
 *
 * <p>Usage: java -cp dbsim.jar:DIR PlainJdbcLoop JDBC_URL USER CLIENTS WARM_UP SECONDS MEMBERS
 */
public final class PlainJdbcLoop {

    private static final String SQL = "SELECT id, member_number, first_name, last_name, email, phone, street, city, "
            + "postal_code, country, date_of_birth, status, classification, join_date, created_at, updated_at "
            + "FROM members WHERE id = ?";

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String user = args[1];
        int clients = Integer.parseInt(args[2]);
        long warmUpNanos = Long.parseLong(args[3]) * 1_000_000_000L;
        long measureNanos = Long.parseLong(args[4]) * 1_000_000_000L;
        long members = Long.parseLong(args[5]);
        LongAdder measured = new LongAdder();
        long start = System.nanoTime();
        long from = start + warmUpNanos;
        long until = from + measureNanos;
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            SplittableRandom random = new SplittableRandom(i);
            threads.add(Thread.ofPlatform().start(() -> {
                try (Connection c = DriverManager.getConnection(url, user, "");
                     PreparedStatement ps = c.prepareStatement(SQL)) {
                    long ops = 0;
                    long now;
                    while ((now = System.nanoTime()) < until) {
                        ps.setLong(1, 1 + random.nextLong(members));
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                // every row is read, as dbsim reads them
                            }
                        }
                        if (now >= from) {
                            ops++;
                        }
                    }
                    measured.add(ops);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        System.out.printf("%.1f%n", measured.sum() / (measureNanos / 1e9));
    }
}
