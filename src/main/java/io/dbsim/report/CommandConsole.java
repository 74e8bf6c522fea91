package io.dbsim.report;

import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.RunReport.CommandRow;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Each command's latency of scripts and workload files on the console, as pgbench -r prints its statement latencies. */
final class CommandConsole {

    private CommandConsole() {
    }

    static void print(PrintWriter out, RunReport run) {
        if (run.commands() == null || run.commands().isEmpty()) {
            return;
        }
        out.println("command latencies in milliseconds and failures (pgbench -r), by operation");
        Map<String, List<CommandRow>> byOperation = run.commands().stream()
                .collect(Collectors.groupingBy(CommandRow::operation, LinkedHashMap::new, Collectors.toList()));
        byOperation.forEach((operation, commands) -> {
            out.println("  " + operation);
            out.println("        mean       p95    failed  command");
            for (CommandRow c : commands) {
                out.printf(Locale.ROOT, "  %10.3f %9.3f %9d  %s%n", c.latencyMs().mean(), c.latencyMs().p95(), c.failed(), c.command());
            }
        });
    }
}
