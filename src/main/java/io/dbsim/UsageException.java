package io.dbsim;

/** A mistake in what the user asked for; ends the command with exit code 2 and one line saying what to do. */
public class UsageException extends RuntimeException {
    public UsageException(String message) {
        super(message);
    }
}
