package io.dbsim.workload.script;

import io.dbsim.UsageException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a script starts with besides its own commands: pgbench's -D NAME=VALUE variables (kept as
 * text, typed when an expression reads them, as pgbench does), :scale, :random_seed and
 * :default_seed. A -D of a built-in's name wins over the built-in, as in pgbench.
 */
public record Defines(Map<String, String> variables, int scale, long randomSeed, long defaultSeed) {

    public Defines {
        for (String name : variables.keySet()) {
            if (!VariableNames.isValid(name)) {
                throw new UsageException("invalid variable name \"" + name + "\" in -D: use letters, digits and _, not starting with a digit");
            }
        }
        if (scale < 1) {
            throw new UsageException("scale must be at least 1, got " + scale + ": write a scale factor such as 10");
        }
        variables = Map.copyOf(variables);
    }

    /**
     * @param definitions -D arguments, each NAME=VALUE; a later one wins over an earlier one of the same name
     * @param seeds       the run's random seed, and the :default_seed pgbench derives from it
     */
    public static Defines of(List<String> definitions, int scale, PgbenchSeeds seeds) {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String definition : definitions) {
            int equals = definition.indexOf('=');
            if (equals <= 0 || equals == definition.length() - 1) {
                throw new UsageException("invalid variable definition -D " + definition + ": write -D NAME=VALUE, e.g. -D scale=10");
            }
            variables.put(definition.substring(0, equals), definition.substring(equals + 1));
        }
        return new Defines(variables, scale, seeds.randomSeed(), seeds.defaultSeed());
    }
}
