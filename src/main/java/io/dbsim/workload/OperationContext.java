package io.dbsim.workload;

import io.dbsim.db.ErrorClass;
import org.jooq.DSLContext;

import java.sql.Connection;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * What an operation needs: where the keys are, its user's number and random stream, unique values, its user's jOOQ
 * context, and state of its own per user (a script's client) made on first use.
 */
public final class OperationContext {

    private static final String[] STATUSES = {"active", "inactive", "pending", "suspended", "resigned"};
    private static final String[] CLASSIFICATIONS = {"regular", "associate", "student", "retired", "life", "honorary"};
    private static final String[] LAST_NAME_PREFIXES = {"Sm", "Jo", "Wi", "Br", "Mi", "Da", "Ga", "Ro", "Ma", "He",
        "Le", "Th", "Ca", "Ha", "Ne", "Ki", "Wa", "Sc", "Ba", "Mo"};

    private final KeySpace keys;
    private final int user;
    private final SplittableRandom random;
    private final String runToken;
    private final AtomicLong sequence;
    private final StatementCatalog catalog;
    private final CommandLatencies commandLatencies;
    private final BoundDsl dsl;
    private Object[] userState = new Object[0];
    private ErrorClass lastError;
    private Operation operation;
    private boolean measured;

    /**
     * @param user             the user's number from 0 (in the open model, the arrival's)
     * @param commandLatencies where the run times the commands of scripts and workload files (pgbench -r)
     */
    public OperationContext(KeySpace keys, int user, SplittableRandom random, String runToken, AtomicLong sequence,
                            StatementCatalog catalog, CommandLatencies commandLatencies) {
        this.keys = keys;
        this.user = user;
        this.random = random;
        this.runToken = runToken;
        this.sequence = sequence;
        this.catalog = catalog;
        this.commandLatencies = commandLatencies;
        this.dsl = new BoundDsl(catalog);
    }

    /**
     * The operation this user runs now: its statements are named after it.
     *
     * @param measured false during the warm-up, whose command latencies are left out as its operations are
     */
    public void operation(Operation operation, boolean measured) {
        this.operation = operation;
        this.measured = measured;
    }

    public int user() {
        return user;
    }

    /**
     * This user's own state for slot {@code slot} (work given as data uses its operation's index), made by
     * {@code make} the first time and the same object after that, without allocating.
     */
    public <T> T userState(int slot, Class<T> type, Function<OperationContext, ? extends T> make) {
        if (slot >= userState.length) {
            userState = Arrays.copyOf(userState, slot + 1);
        }
        Object state = userState[slot];
        if (state == null) {
            state = make.apply(this);
            userState[slot] = state;
        }
        return type.cast(state);
    }

    /** Where the operation in hand records its commands' latencies; one that records nothing during the warm-up. */
    public CommandLatencies.Recorder commandRecorder() {
        return measured ? commandLatencies.recorder(operation.index()) : CommandLatencies.Recorder.NONE;
    }

    /** A statement the operation in hand sent, with its first values written in, so it is named and EXPLAINed as its own. */
    public void sent(String sql, String example) {
        catalog.record(sql, operation.name(), example);
    }

    /** This user's jOOQ context, pointed at the pooled connection of the operation in hand. */
    DSLContext bindDsl(Connection connection) {
        return dsl.bind(connection, operation);
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
