package io.dbsim.workload.file;

import io.dbsim.UsageException;
import io.dbsim.settings.Durations;
import io.dbsim.workload.Command;
import io.dbsim.workload.Operation;
import io.dbsim.workload.OperationKind;
import io.dbsim.workload.Patterns;
import io.dbsim.workload.Workload;
import io.dbsim.workload.script.RandomFunction;
import io.dbsim.workload.script.SqlText;
import net.datafaker.Faker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * A workload described as data (workloads/README.md): named operations, each one SQL statement or several in a
 * transaction, with {@code :name} parameters drawn from generators; operation weights; patterns and populations as
 * in workloads/patterns.yaml, with flows; a default think time; and the Flyway folders that build its schema. Read
 * and checked whole before any connection: every mistake is one line naming file:line, what is wrong and what to
 * write instead. Sampled columns are read from the database when the run starts ({@link SampleReader}).
 */
public final class WorkloadFile {

    /** The pattern every workload file has: each operation by its weight. */
    public static final String WEIGHTED = "weighted";

    private static final Set<String> TOP = Set.of("description", "setup", "think_time", "default_pattern", "parameters",
            "operations", "patterns");
    private static final Set<String> OPERATION = Set.of("description", "sql", "parameters", "transaction", "weight");
    private static final Set<String> GENERATOR = Set.of("random", "min", "max", "parameter", "faker", "sample", "unique");
    private static final Set<String> SAMPLE = Set.of("table", "column", "limit");
    private static final Pattern OPERATION_NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern PARAMETER_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BLOCK_SCALAR = Pattern.compile(".*:\\s*[|>][-+0-9]*\\s*(#.*)?");
    private static final Pattern READS = Pattern.compile("(?is)\\s*(select|show|values|table)\\b.*");
    private static final String GENERATOR_FORMS = "write {random: uniform, min: 1, max: 1000}, {faker: \"#{Name.lastName}\"}, "
            + "{sample: {table: orders, column: id, limit: 10000}} or {unique: true}";
    private static final int DEFAULT_SAMPLE_LIMIT = 10_000;

    /** One operation as the file gives it: statements, the parameters they use in order of first use, their generators. */
    private record Spec(String name, List<SqlText.Statement> statements, List<String> parameters,
                        List<Parameter> generators, boolean transaction, double weight) {
    }

    private final String source;
    private final String name;
    private final String description;
    private final List<Path> setup;
    private final Duration thinkTime;
    private final List<Spec> operations;
    private final Map<String, Object> patterns;
    private final int patternsLine;
    private final String defaultPattern;
    private final String[] lines;

    private WorkloadFile(Path path, String text) {
        this.source = path.toString();
        this.lines = text.split("\r?\n", -1);
        String file = path.getFileName().toString();
        this.name = file.replaceFirst("\\.ya?ml$", "");
        YamlNode root = YamlNode.parse(text, source);
        if (!root.isMap()) {
            throw error(root.line(), "a workload file is a map of keys", "start with operations: and name each operation under it");
        }
        Map<String, YamlNode> top = root.map();
        unknownKeys(top, TOP, "a workload file");
        this.description = text(top.get("description"), "description");
        this.setup = setup(path, top.get("setup"));
        YamlNode think = top.get("think_time");
        this.thinkTime = think == null ? null : duration(think);
        Map<String, Parameter> shared = new LinkedHashMap<>();
        Map<String, Integer> sharedLines = new LinkedHashMap<>();
        YamlNode sharedNode = top.get("parameters");
        if (sharedNode != null) {
            requireMap(sharedNode, "parameters", "a map of parameter names to generators");
            sharedNode.map().forEach((param, gen) -> {
                shared.put(checkedParameterName(param, gen.line()), generator(param, gen));
                sharedLines.put(param, gen.line());
            });
        }
        YamlNode ops = top.get("operations");
        if (ops == null || ops.map().isEmpty()) {
            throw error(ops == null ? root.line() : ops.line(), "the workload has no operations",
                    "add operations: with at least one named operation and its sql:");
        }
        requireMap(ops, "operations", "a map of operation names to {sql: ..., parameters: ...}");
        List<Spec> specs = new ArrayList<>();
        Set<String> usedShared = new HashSet<>();
        ops.map().forEach((opName, node) -> specs.add(operation(opName, node, shared, usedShared)));
        for (String param : shared.keySet()) {
            if (!usedShared.contains(param)) {
                throw error(sharedLines.get(param), "parameter " + param + " is used by no operation",
                        "remove it, or use it in an operation's SQL as :" + param);
            }
        }
        this.operations = List.copyOf(specs);
        YamlNode patternNode = top.get("patterns");
        this.patternsLine = patternNode == null ? root.line() : patternNode.line();
        this.patterns = patterns(patternNode);
        YamlNode chosen = top.get("default_pattern");
        String firstUserPattern = patternNode == null || patternNode.map().isEmpty() ? WEIGHTED
                : patternNode.map().keySet().iterator().next();
        this.defaultPattern = chosen == null ? firstUserPattern : text(chosen, "default_pattern");
        if (!patterns.containsKey(defaultPattern)) {
            throw error(chosen == null ? root.line() : chosen.line(), "default_pattern " + defaultPattern + " is not a pattern of this file",
                    "name one of " + String.join(", ", patterns.keySet()));
        }
        buildPatterns(placeholders());
    }

    /** Reads and checks a workload file; any mistake is a usage error naming file:line. */
    public static WorkloadFile read(Path path) {
        String text;
        try {
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException(path + ": there is no such workload file: give the path of a workload .yaml, e.g. workloads/orders.yaml");
        } catch (IOException e) {
            throw new UsageException(path + ": cannot read the workload file (" + e.getMessage() + "): give a readable UTF-8 .yaml file");
        }
        return new WorkloadFile(path, text);
    }

    /** The file's name without .yaml: the workload's name in reports. */
    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    /** Flyway migration folders that build the workload's schema, resolved against the file's folder. */
    public List<Path> setup() {
        return setup;
    }

    /** The file's default mean think time; null when it gives none. */
    public Duration thinkTime() {
        return thinkTime;
    }

    /** Every column the parameters sample, once each. */
    public List<Sample> samples() {
        Map<String, Sample> byKey = new LinkedHashMap<>();
        for (Spec spec : operations) {
            for (Parameter p : spec.generators()) {
                if (p instanceof Parameter.Sampled s) {
                    byKey.putIfAbsent(s.sample().key(), s.sample());
                }
            }
        }
        return List.copyOf(byKey.values());
    }

    /**
     * The run's workload, with the sampled columns' values.
     *
     * @param sampled each sample's values by {@link Sample#key()}, as {@link SampleReader} read them
     * @param seed    the run's seed: each user's parameters draw from a stream of their own derived from it
     */
    public Workload workload(Map<String, String[]> sampled, long seed) {
        List<Operation> ops = new ArrayList<>();
        for (Spec spec : operations) {
            List<Parameter> generators = spec.generators().stream().map(p -> p instanceof Parameter.Sampled s
                    ? s.withValues(sampled.get(s.sample().key())) : p).toList();
            List<SqlWork.Statement> statements = spec.statements().stream().map(st -> new SqlWork.Statement(st.jdbcSql(),
                    st.parameters().stream().mapToInt(spec.parameters()::indexOf).toArray())).toList();
            List<Command> commands = spec.statements().stream().map(st -> new Command(st.line(), true, firstLine(st.text()))).toList();
            int index = ops.size();
            ops.add(new Operation(index, spec.name(), kind(spec), new SqlWork(statements, generators, spec.transaction(), index, seed,
                    commands)));
        }
        Map<String, Operation> byName = new LinkedHashMap<>();
        ops.forEach(op -> byName.put(op.name(), op));
        return new Workload(name, ops, buildPatterns(byName::get), defaultPattern, false);
    }

    private Spec operation(String opName, YamlNode node, Map<String, Parameter> shared, Set<String> usedShared) {
        if (!OPERATION_NAME.matcher(opName).matches()) {
            throw error(node.line(), "operation name '" + opName + "' has characters reports and thresholds cannot name",
                    "use letters, digits, _ and -, e.g. place_order");
        }
        if (!node.isMap()) {
            throw error(node.line(), "operation " + opName + " is not a map", "write " + opName + ": {sql: SELECT ...}");
        }
        Map<String, YamlNode> op = node.map();
        unknownKeys(op, OPERATION, "operation " + opName);
        YamlNode sqlNode = op.get("sql");
        if (sqlNode == null || !(sqlNode.value() instanceof String sql) || sql.isBlank()) {
            throw error(sqlNode == null ? node.line() : sqlNode.line(), "operation " + opName + " has no SQL",
                    "give it sql: with one statement, or several separated by ; (they run in one transaction)");
        }
        List<SqlText.Statement> statements = SqlText.statements(source, sqlStartLine(sqlNode), sql);
        if (statements.isEmpty()) {
            throw error(sqlNode.line(), "operation " + opName + " has no SQL statement", "write at least one statement under sql:");
        }
        Map<String, Parameter> own = new LinkedHashMap<>();
        Map<String, Integer> ownLines = new LinkedHashMap<>();
        YamlNode paramsNode = op.get("parameters");
        if (paramsNode != null) {
            requireMap(paramsNode, "operation " + opName + " parameters", "a map of parameter names to generators");
            paramsNode.map().forEach((param, gen) -> {
                own.put(checkedParameterName(param, gen.line()), generator(param, gen));
                ownLines.put(param, gen.line());
            });
        }
        List<String> used = new ArrayList<>();
        List<Parameter> generators = new ArrayList<>();
        for (SqlText.Statement st : statements) {
            for (int i = 0; i < st.parameters().size(); i++) {
                String param = st.parameters().get(i);
                if (used.contains(param)) {
                    continue;
                }
                Parameter p = own.get(param);
                if (p == null) {
                    p = shared.get(param);
                    if (p == null) {
                        throw error(st.parameterLines().get(i), "parameter :" + param + " of operation " + opName + " has no generator",
                                "add it under the operation's parameters: (or the file's), e.g. " + param + ": {random: uniform, min: 1, "
                                        + "max: 1000}; write \\:" + param + " if the colon is not a parameter");
                    }
                    usedShared.add(param);
                }
                used.add(param);
                generators.add(p);
            }
        }
        for (String param : own.keySet()) {
            if (!used.contains(param)) {
                throw error(ownLines.get(param), "parameter " + param + " of operation " + opName + " is not used in its SQL",
                        "remove it, or write :" + param + " where its value goes");
            }
        }
        boolean transaction = op.containsKey("transaction") ? bool(op.get("transaction"), "transaction") : statements.size() > 1;
        double weight = op.containsKey("weight") ? number(op.get("weight"), "weight") : 1;
        if (weight < 0) {
            throw error(op.get("weight").line(), "the weight of " + opName + " is negative", "give a weight of 0 or more");
        }
        return new Spec(opName, statements, List.copyOf(used), List.copyOf(generators), transaction, weight);
    }

    private Parameter generator(String param, YamlNode node) {
        if (!node.isMap()) {
            throw error(node.line(), "parameter " + param + " needs a generator", GENERATOR_FORMS);
        }
        Map<String, YamlNode> g = node.map();
        unknownKeys(g, GENERATOR, "parameter " + param);
        int kinds = (g.containsKey("faker") ? 1 : 0) + (g.containsKey("sample") ? 1 : 0) + (g.containsKey("unique") ? 1 : 0)
                + (g.containsKey("random") && !g.containsKey("sample") ? 1 : 0);
        if (kinds != 1) {
            throw error(node.line(), "parameter " + param + " needs exactly one generator", GENERATOR_FORMS);
        }
        if (g.containsKey("faker")) {
            return fake(param, g.get("faker"));
        }
        if (g.containsKey("unique")) {
            if (!bool(g.get("unique"), "unique") || g.size() > 1) {
                throw error(node.line(), "parameter " + param + ": unique takes nothing else", "write {unique: true}");
            }
            return new Parameter.Unique();
        }
        RandomFunction function = g.containsKey("random") ? function(param, g.get("random")) : RandomFunction.UNIFORM;
        double parameter = 0;
        if (function.takesParameter()) {
            if (!g.containsKey("parameter")) {
                throw error(node.line(), "parameter " + param + ": random " + function + " needs its parameter",
                        "add parameter:, e.g. {random: " + function + ", min: 1, max: 1000, parameter: " + example(function) + "}");
            }
            parameter = number(g.get("parameter"), "parameter");
        } else if (g.containsKey("parameter")) {
            throw error(g.get("parameter").line(), "parameter " + param + ": random uniform takes no parameter", "remove parameter:");
        }
        if (g.containsKey("sample")) {
            for (String range : List.of("min", "max")) {
                if (g.containsKey(range)) {
                    throw error(g.get(range).line(), "parameter " + param + ": a sample picks among the values it read, not a range",
                            "remove " + range + ":; random: says how to pick among them, e.g. random: zipfian, parameter: 1.1");
                }
            }
            Sample sample = sample(param, g.get("sample"));
            String problem = function.problem(0, sample.limit() - 1L, parameter);
            if (problem != null) {
                throw error(node.line(), "parameter " + param + ": " + problem, "fix the random function's parameter");
            }
            return new Parameter.Sampled(sample, function, parameter, null);
        }
        if (!g.containsKey("min") || !g.containsKey("max")) {
            throw error(node.line(), "parameter " + param + ": random " + function + " needs min: and max:",
                    "write {random: " + function + ", min: 1, max: 1000" + (function.takesParameter() ? ", parameter: " + example(function) : "") + "}");
        }
        long min = integer(g.get("min"), "min");
        long max = integer(g.get("max"), "max");
        String problem = function.problem(min, max, parameter);
        if (problem != null) {
            throw error(node.line(), "parameter " + param + ": " + problem, "give min <= max and a parameter in pgbench's range");
        }
        return new Parameter.Drawn(function, min, max, parameter);
    }

    private Parameter fake(String param, YamlNode node) {
        String expression = text(node, "faker");
        try {
            new Faker().expression(expression);
        } catch (RuntimeException e) {
            throw error(node.line(), "parameter " + param + ": Datafaker cannot resolve \"" + expression + "\"",
                    "write a Datafaker expression such as #{Name.lastName}, #{Address.city} or #{number.numberBetween '1','100'}");
        }
        return new Parameter.Fake(expression);
    }

    private Sample sample(String param, YamlNode node) {
        requireMap(node, "parameter " + param + " sample", "{table: orders, column: id, limit: 10000}");
        Map<String, YamlNode> s = node.map();
        unknownKeys(s, SAMPLE, "parameter " + param + " sample");
        if (!s.containsKey("table") || !s.containsKey("column")) {
            throw error(node.line(), "parameter " + param + ": a sample needs its table and column",
                    "write sample: {table: orders, column: id, limit: 10000}");
        }
        long limit = s.containsKey("limit") ? integer(s.get("limit"), "limit") : DEFAULT_SAMPLE_LIMIT;
        if (limit < 1 || limit > 10_000_000) {
            throw error(s.get("limit").line(), "parameter " + param + ": sample limit " + limit + " is out of range",
                    "give a limit from 1 to 10000000");
        }
        return new Sample(text(s.get("table"), "table"), text(s.get("column"), "column"), (int) limit, source + ":" + node.line());
    }

    private RandomFunction function(String param, YamlNode node) {
        RandomFunction f = node.value() instanceof String s ? RandomFunction.named(s) : null;
        if (f == null) {
            throw error(node.line(), "parameter " + param + ": unknown random function '" + node.value() + "'",
                    "write random: uniform, exponential, gaussian or zipfian (pgbench's random functions)");
        }
        return f;
    }

    private static String example(RandomFunction f) {
        return switch (f) {
            case EXPONENTIAL -> "5";
            case GAUSSIAN -> "2.5";
            default -> "1.07";
        };
    }

    private Map<String, Object> patterns(YamlNode node) {
        Map<String, Object> all = new LinkedHashMap<>();
        Set<String> operationNames = new LinkedHashSet<>();
        operations.forEach(o -> operationNames.add(o.name()));
        if (node != null) {
            requireMap(node, "patterns", "a map of pattern names to {operations: ...}, {users: ...} or {flow: [...]}");
            for (Map.Entry<String, YamlNode> e : node.map().entrySet()) {
                checkPattern(e.getKey(), e.getValue(), operationNames, node.map().keySet());
                all.put(e.getKey(), e.getValue().plain());
            }
        }
        if (!all.containsKey(WEIGHTED)) {
            Map<String, Object> weights = new LinkedHashMap<>();
            operations.forEach(o -> weights.put(o.name(), o.weight()));
            Map<String, Object> weighted = new LinkedHashMap<>();
            weighted.put("description", "every operation of " + name + " by its weight");
            weighted.put("operations", weights);
            all.put(WEIGHTED, weighted);
        }
        return all;
    }

    /** Operation and pattern names a pattern refers to, checked here so that a mistake is reported at its line. */
    private void checkPattern(String pattern, YamlNode node, Set<String> operationNames, Set<String> patternNames) {
        requireMap(node, "pattern " + pattern, "{operations: {name: weight}}, {users: {pattern: share}} or {flow: [name, ...]}");
        Map<String, YamlNode> p = node.map();
        YamlNode ops = p.get("operations");
        if (ops != null) {
            requireMap(ops, "pattern " + pattern + " operations", "a map of operation names to weights");
            ops.map().forEach((op, weight) -> knownOperation(pattern, op, weight.line(), operationNames));
        }
        YamlNode flow = p.get("flow");
        if (flow != null) {
            for (YamlNode step : flow.list()) {
                knownOperation(pattern, String.valueOf(step.value()), step.line(), operationNames);
            }
        }
        YamlNode users = p.get("users");
        if (users != null) {
            requireMap(users, "pattern " + pattern + " users", "a map of pattern names to shares of users");
            users.map().forEach((other, share) -> {
                if (!patternNames.contains(other) && !other.equals(WEIGHTED)) {
                    throw error(share.line(), "pattern " + pattern + " mixes '" + other + "', which is not a pattern of this file",
                            "name one of " + String.join(", ", patternNames));
                }
            });
        }
    }

    private void knownOperation(String pattern, String op, int line, Set<String> operationNames) {
        if (!operationNames.contains(op)) {
            throw error(line, "unknown operation '" + op + "' in pattern " + pattern, "name one of this file's operations: "
                    + String.join(", ", operationNames));
        }
    }

    private Patterns buildPatterns(Function<String, Operation> operationsByName) {
        try {
            return Patterns.of(patterns, operationsByName);
        } catch (UsageException e) {
            throw new UsageException(source + ":" + patternsLine + ": " + e.getMessage());
        }
    }

    /** Stand-ins for the operations, so the patterns are checked when the file is read. */
    private Function<String, Operation> placeholders() {
        Map<String, Operation> byName = new LinkedHashMap<>();
        for (int i = 0; i < operations.size(); i++) {
            byName.put(operations.get(i).name(), new Operation(i, operations.get(i).name(), OperationKind.READ, null));
        }
        return byName::get;
    }

    private List<Path> setup(Path file, YamlNode node) {
        if (node == null) {
            return List.of();
        }
        List<YamlNode> folders = node.value() instanceof String ? List.of(node) : node.list();
        if (folders.isEmpty()) {
            throw error(node.line(), "setup lists no folder", "write setup: [path/to/migrations], relative to this file");
        }
        Path base = file.toAbsolutePath().getParent();
        List<Path> out = new ArrayList<>();
        for (YamlNode folder : folders) {
            Path dir = base.resolve(text(folder, "setup")).normalize();
            if (!Files.isDirectory(dir)) {
                throw error(folder.line(), "setup folder " + folder.value() + " does not exist (looked for " + dir + ")",
                        "give a folder of Flyway migrations (V1__name.sql), relative to this file");
            }
            out.add(dir);
        }
        return List.copyOf(out);
    }

    /** Where a scalar's text starts: a block scalar (| or >) on the line after its key. */
    private int sqlStartLine(YamlNode node) {
        int line = node.line();
        return line <= lines.length && BLOCK_SCALAR.matcher(lines[line - 1]).matches() ? line + 1 : line;
    }

    private Duration duration(YamlNode node) {
        try {
            return Durations.parse(text(node, "think_time"), "think_time");
        } catch (UsageException e) {
            throw new UsageException(source + ":" + node.line() + ": " + e.getMessage());
        }
    }

    private String checkedParameterName(String param, int line) {
        if (!PARAMETER_NAME.matcher(param).matches()) {
            throw error(line, "parameter name '" + param + "' cannot be written as :" + param + " in SQL",
                    "use letters, digits and _, not starting with a digit");
        }
        return param;
    }

    private void unknownKeys(Map<String, YamlNode> map, Set<String> known, String what) {
        for (Map.Entry<String, YamlNode> e : map.entrySet()) {
            if (!known.contains(e.getKey())) {
                throw error(e.getValue().line(), "unknown key '" + e.getKey() + "' in " + what,
                        "use " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private void requireMap(YamlNode node, String what, String shape) {
        if (!node.isMap()) {
            throw error(node.line(), what + " is not a map", "write it as " + shape);
        }
    }

    private String text(YamlNode node, String key) {
        if (node == null) {
            return null;
        }
        if (node.value() instanceof Map<?, ?> || node.value() instanceof List<?> || node.value() == null) {
            throw error(node.line(), key + " must be a single value", "write " + key + ": and its value on one line");
        }
        return String.valueOf(node.value());
    }

    private long integer(YamlNode node, String key) {
        if (!(node.value() instanceof Long l)) {
            throw error(node.line(), key + " must be a whole number, got " + node.value(), "write e.g. " + key + ": 1000");
        }
        return l;
    }

    private double number(YamlNode node, String key) {
        if (!(node.value() instanceof Number n)) {
            throw error(node.line(), key + " must be a number, got " + node.value(), "write e.g. " + key + ": 2.5");
        }
        return n.doubleValue();
    }

    private boolean bool(YamlNode node, String key) {
        if (!(node.value() instanceof Boolean b)) {
            throw error(node.line(), key + " must be true or false, got " + node.value(), "write " + key + ": true");
        }
        return b;
    }

    private static OperationKind kind(Spec spec) {
        return spec.statements().stream().allMatch(st -> READS.matcher(st.text()).matches()) ? OperationKind.READ : OperationKind.WRITE;
    }

    private static String firstLine(String text) {
        String t = text.strip();
        int end = t.indexOf('\n');
        return end < 0 ? t : t.substring(0, end).strip();
    }

    private UsageException error(int line, String problem, String fix) {
        return new UsageException(source + ":" + line + ": " + problem + ": " + fix);
    }
}
