package io.dbsim.cli;

/** The process exit codes dbsim documents in its README. */
public final class ExitCodes {
    public static final int OK = 0;
    public static final int FAILURE = 1;
    public static final int USAGE = 2;
    /** A threshold failed (NO-GO); the same code k6 uses, so CI scripts written for k6 read it alike. */
    public static final int THRESHOLDS_FAILED = 99;

    private ExitCodes() {
    }
}
