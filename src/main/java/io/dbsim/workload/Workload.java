package io.dbsim.workload;

import io.dbsim.UsageException;
import io.dbsim.settings.Threshold;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the users of a run can do: the operations (numbered by position: where each one's metrics live) and the
 * patterns that mix them. dbsim's own member workload runs jOOQ code on its schema and needs the seeded member data
 * ({@code memberSchema}); a workload given as pgbench scripts or a workload file runs on any database.
 *
 * @param defaultPattern the pattern a run uses when none is named
 */
public record Workload(String name, List<Operation> operations, Patterns patterns, String defaultPattern, boolean memberSchema) {

    public Workload {
        operations = List.copyOf(operations);
        for (int i = 0; i < operations.size(); i++) {
            if (operations.get(i).index() != i) {
                throw new IllegalArgumentException("operation " + operations.get(i).name() + " is numbered "
                        + operations.get(i).index() + " at position " + i);
            }
        }
    }

    /** dbsim's member/employment workload: the operations of {@link Operations} and workloads/patterns.yaml. */
    public static Workload builtIn() {
        return new Workload("member", Operations.ALL, Patterns.builtIn(), "distributed", true);
    }

    public Pattern pattern(String name) {
        return patterns.named(name == null ? defaultPattern : name);
    }

    /** Every threshold on an operation names one of this workload's: a typo is a usage error before the run, never a silent pass. */
    public void requireKnown(List<Threshold> thresholds) {
        Map<String, Operation> byName = operations.stream().collect(Collectors.toMap(Operation::name, Function.identity()));
        for (Threshold t : thresholds) {
            if (t.operation() != null && !byName.containsKey(t.operation())) {
                throw new UsageException("threshold '" + t.expression() + "': unknown operation '" + t.operation()
                        + "': known operations are " + operations.stream().map(Operation::name).collect(Collectors.joining(", ")));
            }
        }
    }
}
