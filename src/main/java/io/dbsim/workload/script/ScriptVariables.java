package io.dbsim.workload.script;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of a script while it is parsed: which names can be set at each point (by -D, a
 * built-in, an earlier \set, or an earlier \gset/\aset whose prefix the name starts with), and the
 * slot each name gets in every client's variable array.
 */
final class ScriptVariables {

    static final String SCALE = "scale";
    static final String CLIENT_ID = "client_id";
    static final String RANDOM_SEED = "random_seed";
    static final String DEFAULT_SEED = "default_seed";

    private final Defines defines;
    private final Map<String, Integer> slots = new LinkedHashMap<>();
    private final Set<String> defined = new HashSet<>();
    private final List<String> resultPrefixes = new ArrayList<>();

    ScriptVariables(Defines defines) {
        this.defines = defines;
        defined.addAll(defines.variables().keySet());
        defined.addAll(List.of(SCALE, CLIENT_ID, RANDOM_SEED, DEFAULT_SEED));
    }

    /** The slot of a variable that is read here, or -1 when nothing before this point can have set it. */
    int read(String name) {
        boolean possible = defined.contains(name) || resultPrefixes.stream().anyMatch(name::startsWith);
        return possible ? slot(name) : -1;
    }

    /** The slot a \set writes; the name counts as set from the next command on. */
    int write(String name) {
        int slot = slot(name);
        defined.add(name);
        return slot;
    }

    /** After a \gset or \aset with this prefix, any name starting with it may be set. */
    void resultsStoredWith(String prefix) {
        resultPrefixes.add(prefix);
    }

    VariableLayout layout() {
        String[] names = slots.keySet().toArray(String[]::new);
        Value[] values = new Value[names.length];
        String[] texts = new String[names.length];
        for (int slot = 0; slot < names.length; slot++) {
            String name = names[slot];
            String text = defines.variables().get(name);
            if (text != null) {
                texts[slot] = text;
            } else {
                values[slot] = switch (name) {
                    case SCALE -> new Value.Int(defines.scale());
                    case RANDOM_SEED -> new Value.Int(defines.randomSeed());
                    case DEFAULT_SEED -> new Value.Int(defines.defaultSeed());
                    default -> null;
                };
            }
        }
        Integer clientId = defines.variables().containsKey(CLIENT_ID) ? null : slots.get(CLIENT_ID);
        return new VariableLayout(names, values, texts, clientId == null ? -1 : clientId, Map.copyOf(slots));
    }

    private int slot(String name) {
        return slots.computeIfAbsent(name, n -> slots.size());
    }
}
