package io.dbsim.workload;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.dbsim.UsageException;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/** Reads the user patterns from workloads/patterns.yaml (shipped inside dbsim). */
public final class Patterns {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    private record ThinkTimeFile(String distribution, Double cap) {
    }

    private record PatternFile(String description, ThinkTimeFile think_time, LinkedHashMap<String, Double> operations,
                               LinkedHashMap<String, Double> users, List<String> flow) {
    }

    private final Map<String, Pattern> patterns;

    private Patterns(Map<String, Pattern> patterns) {
        this.patterns = patterns;
    }

    /** dbsim's member workload's patterns, over its built-in operations. */
    public static Patterns builtIn() {
        try (InputStream in = Patterns.class.getResourceAsStream("/workloads/patterns.yaml")) {
            if (in == null) {
                throw new IllegalStateException("workloads/patterns.yaml is missing from the jar");
            }
            return parse(YAML.readValue(in, new TypeReference<LinkedHashMap<String, PatternFile>>() { }), Operations::named);
        } catch (JacksonException e) {
            throw new UsageException("workloads/patterns.yaml is not valid: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Patterns written as in workloads/patterns.yaml, read into plain maps and lists (a workload file's
     * {@code patterns:}), over the operations {@code operations} resolves by name.
     */
    public static Patterns of(Map<String, ?> patterns, Function<String, Operation> operations) {
        Map<String, PatternFile> files;
        try {
            files = YAML.convertValue(patterns, new TypeReference<LinkedHashMap<String, PatternFile>>() { });
        } catch (IllegalArgumentException e) {
            throw new UsageException("patterns are not valid: " + (e.getCause() instanceof JacksonException j
                    ? j.getOriginalMessage() : e.getMessage()));
        }
        return parse(files, operations);
    }

    private static Patterns parse(Map<String, PatternFile> files, Function<String, Operation> operations) {
        Map<String, Pattern> result = new LinkedHashMap<>();
        for (var e : files.entrySet()) {
            PatternFile f = e.getValue();
            if ((f.operations() != null ? 1 : 0) + (f.users() != null ? 1 : 0) + (f.flow() != null ? 1 : 0) != 1) {
                throw new UsageException("pattern " + e.getKey() + " needs exactly one of operations, users or flow");
            }
            if (f.operations() != null) {
                result.put(e.getKey(), operationMix(e.getKey(), f, weights(e.getKey(), f.operations()), false, operations));
            } else if (f.flow() != null) {
                result.put(e.getKey(), operationMix(e.getKey(), f, steps(e.getKey(), f.flow()), true, operations));
            }
        }
        for (var e : files.entrySet()) {
            PatternFile f = e.getValue();
            if (f.users() != null) {
                List<Pattern.OperationMix> parts = new ArrayList<>();
                double[] shares = new double[f.users().size()];
                int i = 0;
                for (var share : f.users().entrySet()) {
                    if (!(result.get(share.getKey()) instanceof Pattern.OperationMix mix)) {
                        throw new UsageException("pattern " + e.getKey() + " mixes '" + share.getKey()
                                + "', which is not a pattern with operations");
                    }
                    parts.add(mix);
                    shares[i++] = share.getValue();
                }
                result.put(e.getKey(), new Pattern.UserMix(e.getKey(), f.description(), List.copyOf(parts), shares));
            }
        }
        return new Patterns(result);
    }

    private static Map<String, Double> weights(String name, Map<String, Double> operations) {
        for (var w : operations.entrySet()) {
            if (w.getValue() == null || w.getValue() < 0) {
                throw new UsageException("pattern " + name + ": weight of " + w.getKey() + " must be zero or more");
            }
        }
        return operations;
    }

    /** A flow's steps in order; as a mix, each step weighs the same, as each runs once per journey. */
    private static List<Map.Entry<String, Double>> steps(String name, List<String> flow) {
        if (flow.size() < 2) {
            throw new UsageException("pattern " + name + ": a flow needs at least two steps");
        }
        return flow.stream().map(step -> Map.entry(step, 1.0)).toList();
    }

    private static Pattern.OperationMix operationMix(String name, PatternFile f, Map<String, Double> weights, boolean flow,
                                                     Function<String, Operation> operations) {
        return operationMix(name, f, List.copyOf(weights.entrySet()), flow, operations);
    }

    private static Pattern.OperationMix operationMix(String name, PatternFile f, List<Map.Entry<String, Double>> weights,
                                                     boolean flow, Function<String, Operation> operations) {
        List<Operation> ops = weights.stream().map(w -> operations.apply(w.getKey())).toList();
        double[] cumulative = Pattern.OperationMix.cumulative(weights.stream().map(Map.Entry::getValue).toList());
        if (cumulative.length == 0 || cumulative[cumulative.length - 1] <= 0) {
            throw new UsageException("pattern " + name + " has no operation with a weight above zero");
        }
        ThinkTime think = ThinkTime.DEFAULT;
        if (f.think_time() != null) {
            String d = f.think_time().distribution() == null ? "exponential" : f.think_time().distribution();
            ThinkTime.Distribution distribution;
            try {
                distribution = ThinkTime.Distribution.valueOf(d.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                throw new UsageException("pattern " + name + ": think_time distribution must be exponential, uniform or constant, got " + d);
            }
            think = new ThinkTime(distribution, f.think_time().cap() == null ? ThinkTime.DEFAULT.cap() : f.think_time().cap());
        }
        return new Pattern.OperationMix(name, f.description(), ops, cumulative, think, flow);
    }

    public List<String> names() {
        return List.copyOf(patterns.keySet());
    }

    public Pattern named(String name) {
        Pattern p = patterns.get(name);
        if (p == null) {
            throw new UsageException("unknown pattern '" + name + "': choose one of " + String.join(", ", patterns.keySet()));
        }
        return p;
    }
}
