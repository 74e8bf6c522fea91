package io.dbsim.workload.script;

/**
 * One command of a script as pgbench -r lists it: its position, the line it starts on, whether it
 * is SQL (a meta command otherwise) and its first line of text.
 */
public record ScriptCommand(int index, int line, boolean sql, String text) {
}
