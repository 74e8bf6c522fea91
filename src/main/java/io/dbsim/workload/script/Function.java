package io.dbsim.workload.script;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The functions a pgbench expression may call, with the argument counts pgbench accepts. */
enum Function {
    ABS("abs", 1, 1, "abs(number)"),
    DEBUG("debug", 1, 1, "debug(value)"),
    DOUBLE("double", 1, 1, "double(number)"),
    EXP("exp", 1, 1, "exp(number)"),
    GREATEST("greatest", 1, Function.MAX_ARGS, "greatest(number, ...)"),
    HASH("hash", 1, 2, "hash(value [, seed])"),
    HASH_FNV1A("hash_fnv1a", 1, 2, "hash_fnv1a(value [, seed])"),
    HASH_MURMUR2("hash_murmur2", 1, 2, "hash_murmur2(value [, seed])"),
    INT("int", 1, 1, "int(number)"),
    LEAST("least", 1, Function.MAX_ARGS, "least(number, ...)"),
    LN("ln", 1, 1, "ln(number)"),
    MOD("mod", 2, 2, "mod(integer, integer)"),
    PERMUTE("permute", 2, 3, "permute(i, size [, seed])"),
    PI("pi", 0, 0, "pi()"),
    POW("pow", 2, 2, "pow(x, y)"),
    POWER("power", 2, 2, "power(x, y)"),
    RANDOM("random", 2, 2, "random(lb, ub)"),
    RANDOM_EXPONENTIAL("random_exponential", 3, 3, "random_exponential(lb, ub, parameter)"),
    RANDOM_GAUSSIAN("random_gaussian", 3, 3, "random_gaussian(lb, ub, parameter)"),
    RANDOM_ZIPFIAN("random_zipfian", 3, 3, "random_zipfian(lb, ub, parameter)"),
    SQRT("sqrt", 1, 1, "sqrt(number)");

    /** pgbench evaluates at most this many arguments (MAX_FARGS). */
    static final int MAX_ARGS = 16;

    static final String NAMES = Arrays.stream(values()).map(f -> f.sqlName).collect(Collectors.joining(", "));

    final String sqlName;
    final int minArgs;
    final int maxArgs;
    final String signature;

    Function(String sqlName, int minArgs, int maxArgs, String signature) {
        this.sqlName = sqlName;
        this.minArgs = minArgs;
        this.maxArgs = maxArgs;
        this.signature = signature;
    }

    /** pgbench looks function names up ignoring case. */
    static Optional<Function> named(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(f -> f.sqlName.equals(lower)).findFirst();
    }

    /** hash and permute take :default_seed when their seed is left out. */
    boolean takesDefaultSeed(int argumentCount) {
        return switch (this) {
            case HASH, HASH_FNV1A, HASH_MURMUR2 -> argumentCount == 1;
            case PERMUTE -> argumentCount == 2;
            default -> false;
        };
    }
}
