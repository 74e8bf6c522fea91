package io.dbsim.workload;

/**
 * One command of work given as data, as pgbench -r lists it: a script's SQL or meta command, or one statement of a
 * workload file's operation, with the line it starts on in its file and its first line of text.
 */
public record Command(int line, boolean sql, String text) {
}
