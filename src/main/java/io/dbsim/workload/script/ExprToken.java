package io.dbsim.workload.script;

/** One token of a pgbench expression; {@code column} is 1-based within the meta command's line. */
record ExprToken(Kind kind, int column, String text) {

    enum Kind {
        PLUS, MINUS, STAR, SLASH, PERCENT, EQ, NE, LE, GE, LT, GT, SHIFT_LEFT, SHIFT_RIGHT, BIT_OR, BIT_AND, HASH, TILDE,
        LPAREN, RPAREN, COMMA, AND, OR, NOT, IS, ISNULL, NOTNULL, CASE, WHEN, THEN, ELSE, END,
        NULL, TRUE, FALSE, INTEGER, MAXINT_PLUS_ONE, DOUBLE, VARIABLE, IDENTIFIER, EOF
    }

    String describe() {
        return kind == Kind.EOF ? "the end of the expression" : "\"" + text + "\"";
    }
}
