package io.dbsim.workload;

import io.dbsim.db.ErrorClass;
import org.postgresql.PGStatement;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;

/** What an operation needs: where the keys are, its user's random stream, unique values, and where its statements are named. */
public final class OperationContext {

    private static final String[] STATUSES = {"active", "inactive", "pending", "suspended", "resigned"};
    private static final String[] CLASSIFICATIONS = {"regular", "associate", "student", "retired", "life", "honorary"};
    private static final String[] LAST_NAME_PREFIXES = {"Sm", "Jo", "Wi", "Br", "Mi", "Da", "Ga", "Ro", "Ma", "He",
        "Le", "Th", "Ca", "Ha", "Ne", "Ki", "Wa", "Sc", "Ba", "Mo"};

    private final KeySpace keys;
    private final SplittableRandom random;
    private final String runToken;
    private final AtomicLong sequence;
    private final StatementCatalog catalog;
    private ErrorClass lastError;
    private Operation operation;

    public OperationContext(KeySpace keys, SplittableRandom random, String runToken, AtomicLong sequence,
                            StatementCatalog catalog) {
        this.keys = keys;
        this.random = random;
        this.runToken = runToken;
        this.sequence = sequence;
        this.catalog = catalog;
    }

    /** The operation this user runs now: its statements are named after it. */
    public void operation(Operation operation) {
        this.operation = operation;
    }

    /**
     * Names a statement after the operation in hand the first time the run sends it, with the values it ran with
     * written in (the driver's own rendering of its bound statement), so that it can be EXPLAINed as it ran.
     */
    void sent(String sql, PreparedStatement statement) throws SQLException {
        if (!catalog.has(sql)) {
            catalog.record(sql, operation.name(), statement.unwrap(PGStatement.class).toString());
        }
    }

    /** How the last operation of this user ended: null when it succeeded. */
    public ErrorClass lastError() {
        return lastError;
    }

    public void lastError(ErrorClass error) {
        lastError = error;
    }

    public KeySpace keys() {
        return keys;
    }

    public SplittableRandom random() {
        return random;
    }

    /** A value no other insert of this run, or of another run, uses: for unique columns. */
    public String unique() {
        return runToken + sequence.incrementAndGet();
    }

    /** Statuses searched for, the common ones most often, as users do. */
    public String status() {
        return STATUSES[(int) (STATUSES.length * Math.pow(random.nextDouble(), 2.5))];
    }

    public String classification() {
        return CLASSIFICATIONS[(int) (CLASSIFICATIONS.length * Math.pow(random.nextDouble(), 2.0))];
    }

    public String lastNamePrefix() {
        return LAST_NAME_PREFIXES[random.nextInt(LAST_NAME_PREFIXES.length)];
    }

    /** Page numbers of a paginated list: the first pages are read far more than later ones. */
    public int page() {
        return (int) (50 * Math.pow(random.nextDouble(), 4));
    }
}
