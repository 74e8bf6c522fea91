package io.dbsim.workload.script;

import java.util.List;
import java.util.random.RandomGenerator;

/** Several scripts run by weight, as pgbench's -f and -b with @weight: each execution picks one. */
public final class ScriptMix {

    private final List<Script> scripts;
    private final long totalWeight;

    private ScriptMix(List<Script> scripts, long totalWeight) {
        this.scripts = scripts;
        this.totalWeight = totalWeight;
    }

    public static ScriptMix of(List<Script> scripts) {
        if (scripts.isEmpty()) {
            throw ScriptError.of("scripts", "no script is given", "give at least one script file or built-in script");
        }
        long total = scripts.stream().mapToLong(Script::weight).sum();
        if (total == 0) {
            throw ScriptError.of("scripts", "the total script weight is zero", "give at least one script a weight above 0, e.g. name@1");
        }
        return new ScriptMix(List.copyOf(scripts), total);
    }

    public List<Script> scripts() {
        return scripts;
    }

    /** pgbench's chooseScript: a uniform draw over the total weight; one script is chosen without drawing. */
    public Script choose(RandomGenerator random) {
        if (scripts.size() == 1) {
            return scripts.get(0);
        }
        long w = Uniform.upTo(random, totalWeight - 1);
        int i = 0;
        do {
            w -= scripts.get(i++).weight();
        } while (w >= 0);
        return scripts.get(i - 1);
    }
}
