package io.dbsim.workload.script;

/**
 * pgbench's binary operators with its overloading: a double operand makes the arithmetic and the
 * comparison double (except %), integers stay 64-bit and overflow is an error; bitwise operators
 * and % work on integers, rounding doubles first.
 */
enum Operator {
    ADD, SUB, MUL, DIV, MOD, EQ, NE, LE, LT, BIT_AND, BIT_OR, BIT_XOR, SHIFT_LEFT, SHIFT_RIGHT;

    Value apply(Value left, Value right) {
        return switch (this) {
            case BIT_AND -> new Value.Int(Coercion.toInt(left) & Coercion.toInt(right));
            case BIT_OR -> new Value.Int(Coercion.toInt(left) | Coercion.toInt(right));
            case BIT_XOR -> new Value.Int(Coercion.toInt(left) ^ Coercion.toInt(right));
            case SHIFT_LEFT -> new Value.Int(Coercion.toInt(left) << Coercion.toInt(right));
            case SHIFT_RIGHT -> new Value.Int(Coercion.toInt(left) >> Coercion.toInt(right));
            default -> (left instanceof Value.Dbl || right instanceof Value.Dbl) && this != MOD
                    ? doubles(Coercion.toDouble(left), Coercion.toDouble(right))
                    : integers(Coercion.toInt(left), Coercion.toInt(right));
        };
    }

    private Value doubles(double l, double r) {
        return switch (this) {
            case ADD -> new Value.Dbl(l + r);
            case SUB -> new Value.Dbl(l - r);
            case MUL -> new Value.Dbl(l * r);
            case DIV -> new Value.Dbl(l / r);
            case EQ -> Value.of(l == r);
            case NE -> Value.of(l != r);
            case LE -> Value.of(l <= r);
            case LT -> Value.of(l < r);
            default -> throw new IllegalStateException("not a double operator: " + this);
        };
    }

    private Value integers(long l, long r) {
        return switch (this) {
            case ADD -> {
                long sum = l + r;
                if (((l ^ sum) & (r ^ sum)) < 0) {
                    throw new EvalError("bigint add out of range");
                }
                yield new Value.Int(sum);
            }
            case SUB -> {
                long difference = l - r;
                if (((l ^ r) & (l ^ difference)) < 0) {
                    throw new EvalError("bigint sub out of range");
                }
                yield new Value.Int(difference);
            }
            case MUL -> {
                long high = Math.multiplyHigh(l, r);
                long product = l * r;
                if (high != (product >> 63)) {
                    throw new EvalError("bigint mul out of range");
                }
                yield new Value.Int(product);
            }
            case DIV, MOD -> divide(l, r);
            case EQ -> Value.of(l == r);
            case NE -> Value.of(l != r);
            case LE -> Value.of(l <= r);
            case LT -> Value.of(l < r);
            default -> throw new IllegalStateException("not an integer operator: " + this);
        };
    }

    private Value divide(long l, long r) {
        if (r == 0) {
            throw new EvalError("division by zero");
        }
        if (r == -1) {
            if (this == MOD) {
                return new Value.Int(0);
            }
            if (l == Long.MIN_VALUE) {
                throw new EvalError("bigint div out of range");
            }
            return new Value.Int(-l);
        }
        return new Value.Int(this == DIV ? l / r : l % r);
    }
}
