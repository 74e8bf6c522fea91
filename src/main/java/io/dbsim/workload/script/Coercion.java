package io.dbsim.workload.script;

/** pgbench's coerceToInt, coerceToDouble, coerceToBool and valueTruth, with their messages. */
final class Coercion {

    private static final double INT64_MIN_AS_DOUBLE = -0x1p63;

    private Coercion() {
    }

    static long toInt(Value value) {
        return switch (value) {
            case Value.Int i -> i.value();
            case Value.Dbl d -> {
                double rounded = Math.rint(d.value());
                // FLOAT8_FITS_IN_INT64: [-2^63, 2^63), NaN excluded by the comparisons
                if (!(rounded >= INT64_MIN_AS_DOUBLE && rounded < -INT64_MIN_AS_DOUBLE)) {
                    throw new EvalError("double to int overflow for " + d.value());
                }
                yield (long) rounded;
            }
            default -> throw new EvalError("cannot coerce " + value.typeName() + " to int");
        };
    }

    static double toDouble(Value value) {
        return switch (value) {
            case Value.Dbl d -> d.value();
            case Value.Int i -> i.value();
            default -> throw new EvalError("cannot coerce " + value.typeName() + " to double");
        };
    }

    static boolean toBool(Value value) {
        if (value instanceof Value.Bool b) {
            return b.value();
        }
        throw new EvalError("cannot coerce " + value.typeName() + " to boolean");
    }

    /** For \if, \elif and CASE WHEN: non-zero numbers are true, zero and NULL false. */
    static boolean truth(Value value) {
        return switch (value) {
            case Value.Null n -> false;
            case Value.Bool b -> b.value();
            case Value.Int i -> i.value() != 0;
            case Value.Dbl d -> d.value() != 0.0;
        };
    }
}
