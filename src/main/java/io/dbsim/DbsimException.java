package io.dbsim;

/** A run-time failure with a message written for the user; ends the command with exit code 1. */
public final class DbsimException extends RuntimeException {
    public DbsimException(String message) {
        super(message);
    }

    public DbsimException(String message, Throwable cause) {
        super(message, cause);
    }
}
