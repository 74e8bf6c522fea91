package io.dbsim.workload.script;

/** The bodies of pgbench's functions, on arguments that are already evaluated and not NULL (but for debug). */
final class Functions {

    private Functions() {
    }

    static Value apply(Function function, Value[] args, EvalContext context) {
        return switch (function) {
            case ABS -> args[0] instanceof Value.Int i
                    ? new Value.Int(i.value() < 0 ? -i.value() : i.value())
                    : new Value.Dbl(Math.abs(Coercion.toDouble(args[0])));
            case DEBUG -> {
                context.debug(args[0]);
                yield args[0];
            }
            case DOUBLE -> new Value.Dbl(Coercion.toDouble(args[0]));
            case EXP -> new Value.Dbl(StrictMath.exp(Coercion.toDouble(args[0])));
            case LN -> new Value.Dbl(StrictMath.log(Coercion.toDouble(args[0])));
            case SQRT -> new Value.Dbl(StrictMath.sqrt(Coercion.toDouble(args[0])));
            case INT -> new Value.Int(Coercion.toInt(args[0]));
            case GREATEST, LEAST -> extremum(function == Function.LEAST, args);
            case HASH, HASH_MURMUR2 -> new Value.Int(Hashes.murmur2(Coercion.toInt(args[0]), Coercion.toInt(args[1])));
            case HASH_FNV1A -> new Value.Int(Hashes.fnv1a(Coercion.toInt(args[0]), Coercion.toInt(args[1])));
            case MOD -> Operator.MOD.apply(args[0], args[1]);
            case PERMUTE -> new Value.Int(Permutation.permute(
                    Coercion.toInt(args[0]), Coercion.toInt(args[1]), Coercion.toInt(args[2])));
            case PI -> new Value.Dbl(Math.PI);
            case POW, POWER -> new Value.Dbl(StrictMath.pow(Coercion.toDouble(args[0]), Coercion.toDouble(args[1])));
            case RANDOM -> new Value.Int(Distributions.uniform(
                    context.random(), Coercion.toInt(args[0]), Coercion.toInt(args[1])));
            case RANDOM_EXPONENTIAL -> new Value.Int(Distributions.exponential(
                    context.random(), Coercion.toInt(args[0]), Coercion.toInt(args[1]), Coercion.toDouble(args[2])));
            case RANDOM_GAUSSIAN -> new Value.Int(Distributions.gaussian(
                    context.random(), Coercion.toInt(args[0]), Coercion.toInt(args[1]), Coercion.toDouble(args[2])));
            case RANDOM_ZIPFIAN -> new Value.Int(Distributions.zipfian(
                    context.random(), Coercion.toInt(args[0]), Coercion.toInt(args[1]), Coercion.toDouble(args[2])));
        };
    }

    /** least and greatest: double as soon as one argument is, compared as C's Min and Max macros do. */
    private static Value extremum(boolean least, Value[] args) {
        boolean anyDouble = false;
        for (Value arg : args) {
            anyDouble |= arg instanceof Value.Dbl;
        }
        if (anyDouble) {
            double best = Coercion.toDouble(args[0]);
            for (int i = 1; i < args.length; i++) {
                double v = Coercion.toDouble(args[i]);
                best = least ? (best < v ? best : v) : (best > v ? best : v);
            }
            return new Value.Dbl(best);
        }
        long best = Coercion.toInt(args[0]);
        for (int i = 1; i < args.length; i++) {
            long v = Coercion.toInt(args[i]);
            best = least ? Math.min(best, v) : Math.max(best, v);
        }
        return new Value.Int(best);
    }
}
