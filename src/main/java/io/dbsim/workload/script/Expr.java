package io.dbsim.workload.script;

/**
 * A parsed pgbench expression, resolved once: variables are slot numbers, functions are enum
 * constants, so evaluating it does no lookups. Operands are evaluated in pgbench's order (for
 * {@code a > b} pgbench evaluates b first), which matters when they draw random numbers.
 */
sealed interface Expr {

    Value eval(EvalContext context);

    record Constant(Value value) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            return value;
        }
    }

    record Variable(int slot) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            return context.variable(slot);
        }
    }

    /** A binary operator; NULL in, NULL out. */
    record Binary(Operator operator, Expr left, Expr right) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value l = left.eval(context);
            Value r = right.eval(context);
            if (l instanceof Value.Null || r instanceof Value.Null) {
                return Value.NULL;
            }
            return operator.apply(l, r);
        }
    }

    record Not(Expr operand) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value v = operand.eval(context);
            return v instanceof Value.Null ? v : Value.of(!Coercion.toBool(v));
        }
    }

    /** {@code x IS NULL}, {@code x IS TRUE}, {@code x IS FALSE}: true only for a value of the same type and truth. */
    record Is(Expr operand, Value expected) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value v = operand.eval(context);
            return Value.of(v.equals(expected));
        }
    }

    /** pgbench's AND: NULL on the left gives NULL, false on the left skips the right. */
    record And(Expr left, Expr right) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value l = left.eval(context);
            if (l instanceof Value.Null) {
                return l;
            }
            if (!Coercion.toBool(l)) {
                return Value.FALSE;
            }
            Value r = right.eval(context);
            return r instanceof Value.Null ? r : Value.of(Coercion.toBool(r));
        }
    }

    /** pgbench's OR: NULL on the left gives NULL, true on the left skips the right. */
    record Or(Expr left, Expr right) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value l = left.eval(context);
            if (l instanceof Value.Null) {
                return l;
            }
            if (Coercion.toBool(l)) {
                return Value.TRUE;
            }
            Value r = right.eval(context);
            return r instanceof Value.Null ? r : Value.of(Coercion.toBool(r));
        }
    }

    /** CASE WHEN c THEN v ... ELSE e END; conditions are tested for truth, the ELSE defaults to NULL. */
    record Case(Expr[] conditions, Expr[] results, Expr otherwise) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            for (int i = 0; i < conditions.length; i++) {
                if (Coercion.truth(conditions[i].eval(context))) {
                    return results[i].eval(context);
                }
            }
            return otherwise.eval(context);
        }
    }

    /** A function call: every argument is evaluated, then NULL in gives NULL out (except debug). */
    record Call(Function function, Expr[] arguments) implements Expr {
        @Override
        public Value eval(EvalContext context) {
            Value[] values = new Value[arguments.length];
            boolean hasNull = false;
            for (int i = 0; i < arguments.length; i++) {
                values[i] = arguments[i].eval(context);
                hasNull |= values[i] instanceof Value.Null;
            }
            if (hasNull && function != Function.DEBUG) {
                return Value.NULL;
            }
            return Functions.apply(function, values, context);
        }
    }
}
