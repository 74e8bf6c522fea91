package io.dbsim.workload.script;

import io.dbsim.workload.Operation;
import io.dbsim.workload.OperationKind;
import io.dbsim.workload.Patterns;
import io.dbsim.workload.Workload;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * pgbench scripts as a run's workload: each script one operation, named after it, in one pattern that weighs them
 * as pgbench's -f and -b with @weight do. Parsed and checked here, before any connection.
 */
public final class ScriptWorkload {

    /** The one pattern of a script workload. */
    public static final String PATTERN = "scripts";

    private static final Pattern NOT_IN_A_NAME = Pattern.compile("[^A-Za-z0-9_-]");
    private static final Pattern WRITES = Pattern.compile("(?is)\\s*(insert|update|delete|merge|copy|create|alter|drop|truncate"
            + "|grant|revoke|vacuum|analyze|cluster|reindex|refresh|lock|call|do)\\b.*");

    private ScriptWorkload() {
    }

    /**
     * @param sources the scripts, in the order given
     * @param defines -D variables, :scale and the seeds' :random_seed and :default_seed
     * @param seeds   the clients' random streams; users beyond its clients draw from streams of their own
     */
    public static Workload of(List<ScriptSource> sources, Defines defines, PgbenchSeeds seeds) {
        List<Script> scripts = new ArrayList<>();
        for (ScriptSource source : sources) {
            scripts.add(ScriptParser.parse(source, defines));
        }
        ScriptMix.of(scripts);
        List<Operation> operations = new ArrayList<>();
        Map<String, Object> weights = new LinkedHashMap<>();
        Set<String> taken = new HashSet<>();
        for (Script script : scripts) {
            String name = uniqueName(script.name(), taken);
            int index = operations.size();
            operations.add(new Operation(index, name, kind(script), new ScriptWork(script, index, seeds)));
            weights.put(name, (double) script.weight());
        }
        String description = "pgbench scripts by weight: " + String.join(", ", scripts.stream()
                .map(s -> s.name() + "@" + s.weight()).toList());
        Map<String, Object> pattern = new LinkedHashMap<>();
        pattern.put("description", description);
        pattern.put("operations", weights);
        Map<String, Operation> byName = new LinkedHashMap<>();
        operations.forEach(op -> byName.put(op.name(), op));
        Patterns patterns = Patterns.of(Map.of(PATTERN, pattern), byName::get);
        return new Workload("scripts", operations, patterns, PATTERN, false);
    }

    /** The script's file name without its folder and .sql, in letters, digits, _ and - (as thresholds name operations). */
    static String uniqueName(String scriptName, Set<String> taken) {
        String base = scriptName.substring(Math.max(scriptName.lastIndexOf('/'), scriptName.lastIndexOf('\\')) + 1);
        if (base.toLowerCase(Locale.ROOT).endsWith(".sql") && base.length() > 4) {
            base = base.substring(0, base.length() - 4);
        }
        base = NOT_IN_A_NAME.matcher(base).replaceAll("_");
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            name = base + "_" + n;
        }
        return name;
    }

    private static OperationKind kind(Script script) {
        return script.commands().stream().anyMatch(c -> c.sql() && WRITES.matcher(c.text()).matches())
                ? OperationKind.WRITE : OperationKind.READ;
    }
}
