package io.dbsim.engine;

/**
 * One user's operations failing in a row, from the first failure to the last before a success (or the run's end),
 * in seconds since the run started: who an outage reached.
 */
public record FailureSpell(int user, double fromS, double toS) {
}
