/**
 * pgbench's script language for dbsim: {@link io.dbsim.workload.script.ScriptParser} reads a script
 * (a file or one of pgbench's built-ins) once, checks it and compiles it; each simulated user runs it
 * through its own {@link io.dbsim.workload.script.ScriptClient}, one execution being one pgbench
 * "transaction".
 *
 * <p>The semantics are pgbench 15's: psql's rules for where a SQL command ends, the expression
 * grammar and its precedence, 64-bit integer arithmetic whose overflow is an error, pgbench's
 * coercions and NULL rules, its random distributions driven by the uniform source given to each
 * client (with {@link io.dbsim.workload.script.PgbenchSeeds}, the very values pgbench draws), its
 * hash and permute functions. Where dbsim differs, on purpose:
 * <ul>
 *   <li>{@code :name} is sent as an untyped bind parameter holding the variable's text, as pgbench's
 *       extended and prepared modes send it, so the server infers its type ({@code repeat('x', :n)},
 *       {@code round(:d, 2)} work); a NULL is bound as NULL where pgbench would send the text NULL.
 *       With -M simple the driver writes the values into the statement as quoted literals.</li>
 *   <li>{@code :name} inside quotes and comments is left alone (pgbench's simple protocol
 *       substitutes it there too).</li>
 *   <li>A variable nothing can have set, an unclosed quote, comment or parenthesis are errors before
 *       any connection; \shell, \setshell and pipelines are refused.</li>
 *   <li>The connection is held from the first SQL command that runs to the last one that can run,
 *       not for the whole run; a failing command, including a meta command, fails that execution
 *       only (pgbench aborts the client), after rolling back what the script left open.</li>
 * </ul>
 */
package io.dbsim.workload.script;
