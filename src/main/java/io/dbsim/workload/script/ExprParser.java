package io.dbsim.workload.script;

import io.dbsim.workload.script.ExprToken.Kind;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses a pgbench expression with exprparse.y's precedence, lowest first: OR; AND; NOT (prefix);
 * IS, ISNULL, NOTNULL (postfix); comparisons (non-associative); bitwise | # & << >> and prefix ~;
 * + -; * / %; unary + and -. Operators of one level associate to the left.
 */
final class ExprParser {

    /** Resolves a variable reference to its slot, or throws a {@link ParseProblem} when it is never set. */
    interface Variables {
        int slot(String name, int column);
    }

    static final String EXAMPLE = "write an expression such as random(1, 100000 * :scale)";

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int IS = 4;
    private static final int COMPARISON = 5;
    private static final int BITWISE = 6;
    private static final int ADDITIVE = 7;
    private static final int MULTIPLICATIVE = 8;
    private static final int UNARY = 9;

    private final List<ExprToken> tokens;
    private final Variables variables;
    private int pos;

    private ExprParser(List<ExprToken> tokens, Variables variables) {
        this.tokens = tokens;
        this.variables = variables;
    }

    /**
     * @param text       the expression
     * @param columnBase the 1-based column of its first character in the command's line
     */
    static Expr parse(String text, int columnBase, Variables variables) {
        ExprParser parser = new ExprParser(ExprLexer.tokens(text, columnBase), variables);
        if (parser.peek().kind() == Kind.EOF) {
            throw new ParseProblem(parser.peek().column(), "the expression is missing", EXAMPLE);
        }
        Expr expr = parser.expression(OR);
        parser.expect(Kind.EOF);
        return expr;
    }

    private Expr expression(int minLevel) {
        Expr left = prefix();
        int previous = 0;
        while (true) {
            ExprToken token = peek();
            if (isPostfix(token.kind()) && IS >= minLevel) {
                left = postfix(left);
                previous = IS;
                continue;
            }
            int level = level(token.kind());
            if (level == 0 || level < minLevel) {
                return left;
            }
            if (level == COMPARISON && previous == COMPARISON) {
                throw new ParseProblem(token.column(), "comparisons cannot be chained (" + token.text() + " after a comparison)",
                        "combine them with AND, e.g. :a < :b AND :b < :c");
            }
            pos++;
            Expr right = expression(level + 1);
            left = binary(token.kind(), left, right);
            previous = level;
        }
    }

    private Expr prefix() {
        ExprToken token = next();
        return switch (token.kind()) {
            case NOT -> new Expr.Not(expression(IS));
            case TILDE -> new Expr.Binary(Operator.BIT_XOR, new Expr.Constant(new Value.Int(-1)), expression(ADDITIVE));
            case MINUS -> {
                if (peek().kind() == Kind.MAXINT_PLUS_ONE) {
                    pos++;
                    yield new Expr.Constant(new Value.Int(Long.MIN_VALUE));
                }
                yield new Expr.Binary(Operator.SUB, new Expr.Constant(new Value.Int(0)), expression(UNARY + 1));
            }
            case PLUS -> expression(UNARY + 1);
            case LPAREN -> {
                Expr inner = expression(OR);
                expect(Kind.RPAREN);
                yield inner;
            }
            case NULL -> new Expr.Constant(Value.NULL);
            case TRUE -> new Expr.Constant(Value.TRUE);
            case FALSE -> new Expr.Constant(Value.FALSE);
            case INTEGER -> new Expr.Constant(new Value.Int(Long.parseLong(token.text())));
            case DOUBLE -> new Expr.Constant(new Value.Dbl(Double.parseDouble(token.text())));
            case VARIABLE -> new Expr.Variable(variables.slot(token.text().substring(1), token.column()));
            case IDENTIFIER -> call(token);
            case CASE -> caseExpression();
            case MAXINT_PLUS_ONE -> throw new ParseProblem(token.column(), "bigint constant " + token.text() + " is out of range",
                    "write an integer between -9223372036854775808 and 9223372036854775807");
            default -> throw unexpected(token);
        };
    }

    private Expr postfix(Expr operand) {
        ExprToken token = next();
        return switch (token.kind()) {
            case ISNULL -> new Expr.Is(operand, Value.NULL);
            case NOTNULL -> new Expr.Not(new Expr.Is(operand, Value.NULL));
            default -> {
                boolean negated = peek().kind() == Kind.NOT;
                if (negated) {
                    pos++;
                }
                ExprToken what = next();
                Value expected = switch (what.kind()) {
                    case NULL -> Value.NULL;
                    case TRUE -> Value.TRUE;
                    case FALSE -> Value.FALSE;
                    default -> throw new ParseProblem(what.column(), "IS must be followed by NULL, TRUE or FALSE, not " + what.describe(),
                            "write x IS [NOT] NULL, x IS [NOT] TRUE or x IS [NOT] FALSE");
                };
                Expr test = new Expr.Is(operand, expected);
                yield negated ? new Expr.Not(test) : test;
            }
        };
    }

    private Expr call(ExprToken name) {
        Function function = Function.named(name.text()).orElseThrow(() -> new ParseProblem(name.column(),
                "unknown function \"" + name.text() + "\"", "write one of " + Function.NAMES));
        if (peek().kind() != Kind.LPAREN) {
            throw new ParseProblem(peek().column(), "function " + function.sqlName + " must be followed by its arguments in parentheses",
                    "write " + function.signature);
        }
        pos++;
        List<Expr> arguments = new ArrayList<>();
        if (peek().kind() != Kind.RPAREN) {
            arguments.add(expression(OR));
            while (peek().kind() == Kind.COMMA) {
                pos++;
                arguments.add(expression(OR));
            }
        }
        expect(Kind.RPAREN);
        int count = arguments.size();
        if (count < function.minArgs || count > function.maxArgs) {
            throw new ParseProblem(name.column(), function.sqlName + "() takes " + arity(function) + ", not " + count,
                    "write " + function.signature);
        }
        if (function.takesDefaultSeed(count)) {
            arguments.add(new Expr.Variable(variables.slot(ScriptVariables.DEFAULT_SEED, name.column())));
        }
        return new Expr.Call(function, arguments.toArray(Expr[]::new));
    }

    private Expr caseExpression() {
        List<Expr> conditions = new ArrayList<>();
        List<Expr> results = new ArrayList<>();
        do {
            expect(Kind.WHEN);
            conditions.add(expression(OR));
            expect(Kind.THEN);
            results.add(expression(OR));
        } while (peek().kind() == Kind.WHEN);
        Expr otherwise = new Expr.Constant(Value.NULL);
        if (peek().kind() == Kind.ELSE) {
            pos++;
            otherwise = expression(OR);
        }
        expect(Kind.END);
        return new Expr.Case(conditions.toArray(Expr[]::new), results.toArray(Expr[]::new), otherwise);
    }

    private static Expr binary(Kind kind, Expr left, Expr right) {
        return switch (kind) {
            case OR -> new Expr.Or(left, right);
            case AND -> new Expr.And(left, right);
            case EQ -> new Expr.Binary(Operator.EQ, left, right);
            case NE -> new Expr.Binary(Operator.NE, left, right);
            case LT -> new Expr.Binary(Operator.LT, left, right);
            case LE -> new Expr.Binary(Operator.LE, left, right);
            case GT -> new Expr.Binary(Operator.LT, right, left);
            case GE -> new Expr.Binary(Operator.LE, right, left);
            case BIT_OR -> new Expr.Binary(Operator.BIT_OR, left, right);
            case BIT_AND -> new Expr.Binary(Operator.BIT_AND, left, right);
            case HASH -> new Expr.Binary(Operator.BIT_XOR, left, right);
            case SHIFT_LEFT -> new Expr.Binary(Operator.SHIFT_LEFT, left, right);
            case SHIFT_RIGHT -> new Expr.Binary(Operator.SHIFT_RIGHT, left, right);
            case PLUS -> new Expr.Binary(Operator.ADD, left, right);
            case MINUS -> new Expr.Binary(Operator.SUB, left, right);
            case STAR -> new Expr.Binary(Operator.MUL, left, right);
            case SLASH -> new Expr.Binary(Operator.DIV, left, right);
            case PERCENT -> new Expr.Binary(Operator.MOD, left, right);
            default -> throw new IllegalStateException("not a binary operator: " + kind);
        };
    }

    private static int level(Kind kind) {
        return switch (kind) {
            case OR -> OR;
            case AND -> AND;
            case EQ, NE, LT, LE, GT, GE -> COMPARISON;
            case BIT_OR, BIT_AND, HASH, SHIFT_LEFT, SHIFT_RIGHT -> BITWISE;
            case PLUS, MINUS -> ADDITIVE;
            case STAR, SLASH, PERCENT -> MULTIPLICATIVE;
            default -> 0;
        };
    }

    private static boolean isPostfix(Kind kind) {
        return kind == Kind.IS || kind == Kind.ISNULL || kind == Kind.NOTNULL;
    }

    private static String arity(Function function) {
        if (function.maxArgs == Function.MAX_ARGS) {
            return "1 to " + Function.MAX_ARGS + " arguments";
        }
        if (function.minArgs == function.maxArgs) {
            return function.minArgs + (function.minArgs == 1 ? " argument" : " arguments");
        }
        return function.minArgs + " or " + function.maxArgs + " arguments";
    }

    private void expect(Kind kind) {
        ExprToken token = peek();
        if (token.kind() != kind) {
            throw unexpected(token);
        }
        pos++;
    }

    private ParseProblem unexpected(ExprToken token) {
        return new ParseProblem(token.column(), "syntax error at " + token.describe(), EXAMPLE);
    }

    private ExprToken peek() {
        return tokens.get(pos);
    }

    private ExprToken next() {
        return tokens.get(pos++);
    }
}
