package io.dbsim.db;

import io.dbsim.DbsimException;
import io.dbsim.UsageException;
import io.dbsim.seed.DomainTables;
import io.dbsim.support.DataChecksums;
import io.dbsim.support.SeededDatabase;
import io.dbsim.support.TestPostgres;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataSnapshotTest {

    /** Writes of the kinds a run does: updates, inserts that draw ids from sequences and must satisfy keys, deletes. */
    private static final String[] WRITES = {
        "UPDATE members SET city = 'Elsewhere', updated_at = now() WHERE id % 7 = 0",
        "INSERT INTO members (member_number, first_name, last_name, email, country, status, classification, join_date, "
                + "created_at, updated_at) VALUES ('X-1', 'Ada', 'Lovelace', 'ada@example.org', 'UK', 'active', 'regular', "
                + "current_date, now(), now())",
        "INSERT INTO member_employments (member_id, organization_id, title, start_date, is_current, status, created_at, updated_at) "
                + "SELECT id, 1, 'Analyst', date '2024-01-01', false, 'ended', now(), now() FROM members WHERE id % 11 = 0",
        "DELETE FROM file_attachments WHERE id % 5 = 0",
        "DELETE FROM students WHERE id % 9 = 0"};

    private static final PrintWriter QUIET = new PrintWriter(new StringWriter());

    @Test
    void restoreAfterWritesGivesIdenticalRowsSequencesAndIdsAndReloadsOnlyWhatChanged() throws Exception {
        ConnectionInfo db = SeededDatabase.create("snap_exact");
        DataSnapshot snapshot = new DataSnapshot(db);
        SnapshotTaken taken = snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        Map<String, String> atSnapshot = DataChecksums.of(db);
        TableRows rowsAtSnapshot = TableRows.capture(db);

        assertThat(taken.tables()).as("the domain tables, without dbsim_seed_state and flyway_schema_history").isEqualTo(6);
        assertThat(rowsAtSnapshot.rows().keySet()).containsExactlyInAnyOrderElementsOf(DomainTables.ALL);
        assertThat(taken.rows()).isEqualTo(rowsAtSnapshot.total()).isEqualTo(17_254);

        TestPostgres.execute(db, WRITES);
        long firstNewId = DataChecksums.scalar(db, "SELECT id FROM members WHERE member_number = 'X-1'");
        assertThat(DataChecksums.of(db)).isNotEqualTo(atSnapshot);
        assertThat(TableRows.capture(db).rows()).isNotEqualTo(rowsAtSnapshot.rows());

        long beforeRestore = epochNow(db);
        RestoreResult result = snapshot.restore(false, QUIET);

        assertThat(DataChecksums.of(db)).isEqualTo(atSnapshot);
        assertThat(TableRows.capture(db)).isEqualTo(rowsAtSnapshot);
        assertThat(result.restored()).extracting(load -> load.table().name())
                .containsExactlyInAnyOrder("members", "member_employments", "students", "file_attachments");
        assertThat(result.unchanged()).extracting(TableName::name).containsExactlyInAnyOrder("organizations", "organization_contacts");
        assertThat(result.sequences()).isEqualTo(6);
        assertThat(DataChecksums.scalar(db, "SELECT count(*) FROM pg_stat_user_tables WHERE relname IN "
                + "('members', 'member_employments', 'students', 'file_attachments') "
                + "AND extract(epoch FROM last_analyze) >= " + beforeRestore)).as("freshly analysed").isEqualTo(4);

        TestPostgres.execute(db, WRITES[1]);
        assertThat(DataChecksums.scalar(db, "SELECT id FROM members WHERE member_number = 'X-1'"))
                .as("the first id after a restore is the first id after the snapshot").isEqualTo(firstNewId);

        TestPostgres.execute(db, "DELETE FROM members WHERE member_number = 'X-1'");
        RestoreResult insertedAndDeleted = snapshot.restore(false, QUIET);
        assertThat(insertedAndDeleted.restored()).as("a row inserted and deleted again leaves the rows as they were").isEmpty();
        assertThat(DataChecksums.of(db)).as("and the sequence it advanced is set back").isEqualTo(atSnapshot);

        TestPostgres.execute(db, "UPDATE students SET status = status WHERE id = (SELECT min(id) FROM students)");
        RestoreResult rewritten = snapshot.restore(false, QUIET);
        assertThat(rewritten.restored()).as("a rewritten row counts as a change").extracting(load -> load.table().name())
                .containsExactly("students");
        assertThat(DataChecksums.of(db)).isEqualTo(atSnapshot);
    }

    @Test
    void restoreIfPresentDoesNothingWithoutASnapshotAndRestoresWithOne() {
        ConnectionInfo db = SeededDatabase.create("snap_if_present");
        StringWriter said = new StringWriter();
        assertThat(DataSnapshot.restoreIfPresent(db, new PrintWriter(said, true))).isEmpty();
        assertThat(said.toString()).isEmpty();

        new DataSnapshot(db).take(TableChoice.defaults(), "test", false, QUIET);
        TestPostgres.execute(db, WRITES);
        RestoreResult result = DataSnapshot.restoreIfPresent(db, new PrintWriter(said, true)).orElseThrow();
        assertThat(result.rows()).isEqualTo(5_000 + 9_022 + 518 + 1_964);
        assertThat(said.toString()).startsWith("snapshot restored: 4 of 6 tables (16,504 rows)");
    }

    @Test
    void aRestoreOntoATableThatLostAColumnIsRefusedNamingItAndChangesNothing() {
        ConnectionInfo db = SeededDatabase.create("snap_changed_columns");
        DataSnapshot snapshot = new DataSnapshot(db);
        snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        TestPostgres.execute(db, WRITES);
        TestPostgres.execute(db, "ALTER TABLE file_attachments DROP COLUMN storage_path");
        Map<String, String> beforeAttempt = DataChecksums.of(db);

        assertThatThrownBy(() -> snapshot.restore(false, QUIET)).isInstanceOf(UsageException.class)
                .hasMessageContaining("table file_attachments has changed since the snapshot")
                .hasMessageContaining("storage_path character varying(500)")
                .hasMessageNotContaining("\n");
        assertThat(DataChecksums.of(db)).isEqualTo(beforeAttempt);
    }

    @Test
    void aDamagedCopyFailsTheRestoreMidwayNamingTheTableAndLeavesEveryTableAndSequenceAsItWas() {
        ConnectionInfo db = SeededDatabase.create("snap_damaged");
        DataSnapshot snapshot = new DataSnapshot(db);
        snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        TestPostgres.execute(db, WRITES);
        Map<String, String> beforeAttempt = DataChecksums.of(db);

        TestPostgres.execute(db, "DELETE FROM dbsim_snapshot.students WHERE id = (SELECT min(id) FROM dbsim_snapshot.students)");
        assertThatThrownBy(() -> snapshot.restore(true, QUIET)).isInstanceOf(DbsimException.class)
                .hasMessageStartingWith("snapshot restore failed at students; nothing was changed")
                .hasMessageContaining("holds 517 rows where the snapshot recorded 518");
        assertThat(DataChecksums.of(db)).isEqualTo(beforeAttempt);

        TestPostgres.execute(db,
                "INSERT INTO dbsim_snapshot.students SELECT * FROM students WHERE id = (SELECT min(id) FROM students)",
                "UPDATE dbsim_snapshot.members SET email = (SELECT email FROM dbsim_snapshot.members WHERE id = 1) WHERE id = 2");
        assertThatThrownBy(() -> snapshot.restore(true, QUIET)).isInstanceOf(DbsimException.class)
                .hasMessageStartingWith("snapshot restore failed at members (rebuilding its indexes and keys); nothing was changed")
                .hasMessageContaining("members_email_key");
        assertThat(DataChecksums.of(db)).isEqualTo(beforeAttempt);
    }

    @Test
    void aConnectionLostInTheMiddleOfARestoreLeavesTheDataAsItWas() throws Exception {
        ConnectionInfo db = TestPostgres.newDatabase("snap_lost");
        // The check sleeps only for the restore's own connection, so the test can cut it off while rows are loading.
        TestPostgres.execute(db,
                "CREATE FUNCTION slow_for_restore(n int) RETURNS boolean LANGUAGE sql AS $$ SELECT CASE WHEN "
                        + "current_setting('application_name') = 'dbsim-snapshot' AND n = 3 THEN pg_sleep(60) IS NOT NULL "
                        + "ELSE true END $$",
                "CREATE TABLE parent (id int PRIMARY KEY, label text)",
                "CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent, n int CHECK (slow_for_restore(n)))",
                "INSERT INTO parent SELECT g, 'p' || g FROM generate_series(1, 10) g",
                "INSERT INTO child SELECT g, g, g FROM generate_series(1, 10) g");
        DataSnapshot snapshot = new DataSnapshot(db);
        snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        TestPostgres.execute(db, "DELETE FROM child WHERE id > 5", "UPDATE parent SET label = 'changed'");
        Map<String, String> beforeAttempt = DataChecksums.of(db);

        CompletableFuture<Throwable> restore = CompletableFuture.supplyAsync(() -> {
            try {
                snapshot.restore(false, QUIET);
                return null;
            } catch (RuntimeException e) {
                return e;
            }
        });
        terminateWhenSleeping(db);
        Throwable failure = restore.get(60, TimeUnit.SECONDS);

        assertThat(failure).isInstanceOf(DbsimException.class)
                .hasMessageStartingWith("snapshot restore failed at child; nothing was changed");
        assertThat(DataChecksums.of(db)).isEqualTo(beforeAttempt);
    }

    @Test
    void aDatabaseWithItsOwnSchemaIsSnapshottedAndRestoredWithItsTriggersGeneratedColumnsAndViews() {
        ConnectionInfo db = TestPostgres.newDatabase("snap_own_schema");
        TestPostgres.execute(db,
                "CREATE SEQUENCE ticket_numbers START 1000",
                "CREATE TABLE customers (id serial PRIMARY KEY, name text NOT NULL, email text UNIQUE, "
                        + "ticket int NOT NULL DEFAULT nextval('ticket_numbers'))",
                "CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, "
                        + "customer_id int NOT NULL REFERENCES customers, "
                        + "total numeric(10, 2) NOT NULL, total_cents bigint GENERATED ALWAYS AS ((total * 100)::bigint) STORED)",
                "CREATE INDEX orders_customer_idx ON orders (customer_id)",
                "CREATE TABLE \"Order Lines\" (order_id bigint REFERENCES orders ON DELETE CASCADE, line int, product text, "
                        + "PRIMARY KEY (order_id, line))",
                "CREATE TABLE audit (id bigserial PRIMARY KEY, what text NOT NULL)",
                "CREATE FUNCTION audit_order() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        + "INSERT INTO audit (what) VALUES ('order ' || NEW.id); RETURN NEW; END $$",
                "CREATE TRIGGER orders_audit AFTER INSERT ON orders FOR EACH ROW EXECUTE FUNCTION audit_order()",
                // Depends on customers' primary key (name is not grouped by): that key cannot be dropped for the load.
                "CREATE VIEW customer_orders AS SELECT c.id, c.name, count(o.id) AS orders FROM customers c "
                        + "LEFT JOIN orders o ON o.customer_id = c.id GROUP BY c.id",
                "INSERT INTO customers (name, email) SELECT 'c' || g, 'c' || g || '@example.org' FROM generate_series(1, 50) g",
                "INSERT INTO orders (customer_id, total) SELECT 1 + g % 50, g * 1.25 FROM generate_series(1, 200) g",
                "INSERT INTO \"Order Lines\" SELECT o.id, l, 'product ' || l FROM orders o, generate_series(1, 3) l");
        DataSnapshot snapshot = new DataSnapshot(db);
        SnapshotTaken taken = snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        Map<String, String> atSnapshot = DataChecksums.of(db);
        assertThat(taken.tables()).isEqualTo(4);
        assertThat(taken.sequences()).as("customers_id_seq, orders' identity, audit_id_seq, ticket_numbers").isEqualTo(4);

        TestPostgres.execute(db,
                "INSERT INTO customers (name) VALUES ('new')",
                "INSERT INTO orders (customer_id, total) VALUES (2, 9.99)",
                "DELETE FROM orders WHERE id % 4 = 0",
                "UPDATE \"Order Lines\" SET product = 'other' WHERE line = 2",
                "CREATE TABLE scratch (x int)");
        RestoreResult result = snapshot.restore(false, QUIET);

        assertThat(mapWithout(DataChecksums.of(db), "scratch"))
                .as("rows, generated columns, sequences; no audit rows from the trigger")
                .isEqualTo(atSnapshot);
        assertThat(result.notes()).contains("left alone, created after the snapshot: scratch");
        assertThat(DataChecksums.scalar(db, "SELECT count(*) FROM pg_trigger WHERE tgname = 'orders_audit' AND tgenabled = 'O'"))
                .as("the trigger is switched back on").isEqualTo(1);
        assertThat(DataChecksums.scalar(db, "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                + "('orders_customer_idx', 'orders_pkey', 'customers_pkey', 'customers_email_key')")).isEqualTo(4);
        assertThat(DataChecksums.scalar(db, "SELECT sum(orders) FROM customer_orders")).isEqualTo(200);
        TestPostgres.execute(db, "INSERT INTO orders (customer_id, total) VALUES (3, 1.00)");
        assertThat(DataChecksums.scalar(db, "SELECT count(*) FROM audit")).as("the trigger fires again").isEqualTo(201);
    }

    @Test
    void aRoleWithOnlyTablePrivilegesTakesAndRestoresASnapshot() {
        ConnectionInfo admin = TestPostgres.newDatabase("snap_privileges");
        String database = admin.jdbcUrl().replaceAll(".*/([^/?]+).*", "$1");
        TestPostgres.execute(admin,
                "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'snapshot_app') THEN "
                        + "CREATE ROLE snapshot_app LOGIN PASSWORD 'app-secret'; END IF; END $$",
                "GRANT CREATE ON DATABASE " + database + " TO snapshot_app",
                "CREATE TABLE accounts (id serial PRIMARY KEY, owner text NOT NULL)",
                "CREATE TABLE movements (id serial PRIMARY KEY, account_id int NOT NULL REFERENCES accounts, amount int NOT NULL)",
                "INSERT INTO accounts (owner) SELECT 'o' || g FROM generate_series(1, 20) g",
                "INSERT INTO movements (account_id, amount) SELECT 1 + g % 20, g FROM generate_series(1, 500) g",
                "GRANT SELECT, INSERT, UPDATE, DELETE, TRUNCATE, MAINTAIN ON accounts, movements TO snapshot_app",
                "GRANT USAGE, SELECT, UPDATE ON SEQUENCE accounts_id_seq, movements_id_seq TO snapshot_app");
        ConnectionInfo app = new ConnectionInfo(admin.jdbcUrl(), "snapshot_app", "app-secret");
        DataSnapshot snapshot = new DataSnapshot(app);
        snapshot.take(TableChoice.defaults(), "test", false, QUIET);
        Map<String, String> atSnapshot = DataChecksums.of(admin);

        TestPostgres.execute(app, "INSERT INTO movements (account_id, amount) VALUES (1, -5)", "DELETE FROM movements WHERE id < 10");
        RestoreResult result = snapshot.restore(false, QUIET);

        assertThat(DataChecksums.of(admin)).isEqualTo(atSnapshot);
        assertThat(result.restored()).extracting(load -> load.table().name()).containsExactly("movements");
        assertThat(result.notes()).isEmpty();
    }

    private static Map<String, String> mapWithout(Map<String, String> map, String key) {
        Map<String, String> copy = new java.util.LinkedHashMap<>(map);
        copy.remove(key);
        return copy;
    }

    private static long epochNow(ConnectionInfo db) {
        return DataChecksums.scalar(db, "SELECT floor(extract(epoch FROM now()))");
    }

    private static void terminateWhenSleeping(ConnectionInfo db) throws Exception {
        try (Connection c = db.open(); Statement s = c.createStatement()) {
            for (int i = 0; i < 300; i++) {
                try (ResultSet rs = s.executeQuery("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        + "WHERE application_name = 'dbsim-snapshot' AND wait_event = 'PgSleep'")) {
                    if (rs.next()) {
                        return;
                    }
                }
                Thread.sleep(100);
            }
        }
        throw new AssertionError("the restore never reached the slow row");
    }
}
