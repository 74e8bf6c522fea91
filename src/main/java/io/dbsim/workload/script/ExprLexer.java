package io.dbsim.workload.script;

import io.dbsim.workload.script.ExprToken.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Splits a pgbench expression into tokens the way exprscan.l does (longest match, keywords ignoring case). */
final class ExprLexer {

    /** PG_INT64_MIN without its sign: legal only right after a unary minus. */
    private static final String MAXINT_PLUS_ONE = "9223372036854775808";

    private static final Map<String, Kind> KEYWORDS = Map.ofEntries(
            Map.entry("and", Kind.AND), Map.entry("or", Kind.OR), Map.entry("not", Kind.NOT),
            Map.entry("is", Kind.IS), Map.entry("isnull", Kind.ISNULL), Map.entry("notnull", Kind.NOTNULL),
            Map.entry("case", Kind.CASE), Map.entry("when", Kind.WHEN), Map.entry("then", Kind.THEN),
            Map.entry("else", Kind.ELSE), Map.entry("end", Kind.END), Map.entry("null", Kind.NULL),
            Map.entry("true", Kind.TRUE), Map.entry("false", Kind.FALSE));

    private static final Map<String, Kind> TWO_CHAR = Map.of(
            "<>", Kind.NE, "!=", Kind.NE, "<=", Kind.LE, ">=", Kind.GE, "<<", Kind.SHIFT_LEFT, ">>", Kind.SHIFT_RIGHT);

    private static final Map<Character, Kind> ONE_CHAR = Map.ofEntries(
            Map.entry('+', Kind.PLUS), Map.entry('-', Kind.MINUS), Map.entry('*', Kind.STAR), Map.entry('/', Kind.SLASH),
            Map.entry('%', Kind.PERCENT), Map.entry('=', Kind.EQ), Map.entry('<', Kind.LT), Map.entry('>', Kind.GT),
            Map.entry('|', Kind.BIT_OR), Map.entry('&', Kind.BIT_AND), Map.entry('#', Kind.HASH), Map.entry('~', Kind.TILDE),
            Map.entry('(', Kind.LPAREN), Map.entry(')', Kind.RPAREN), Map.entry(',', Kind.COMMA));

    private final String text;
    private final int columnBase;
    private int pos;

    private ExprLexer(String text, int columnBase) {
        this.text = text;
        this.columnBase = columnBase;
    }

    /** @param columnBase the 1-based column of text's first character in the command's line */
    static List<ExprToken> tokens(String text, int columnBase) {
        ExprLexer lexer = new ExprLexer(text, columnBase);
        List<ExprToken> tokens = new ArrayList<>();
        ExprToken token;
        do {
            token = lexer.next();
            tokens.add(token);
        } while (token.kind() != Kind.EOF);
        return tokens;
    }

    private ExprToken next() {
        while (pos < text.length() && isSpace(text.charAt(pos))) {
            pos++;
        }
        int start = pos;
        if (pos >= text.length()) {
            return new ExprToken(Kind.EOF, columnBase + start, "");
        }
        char c = text.charAt(pos);
        if (pos + 1 < text.length()) {
            Kind pair = TWO_CHAR.get(text.substring(pos, pos + 2));
            if (pair != null) {
                pos += 2;
                return token(pair, start);
            }
        }
        Kind single = ONE_CHAR.get(c);
        if (single != null) {
            pos++;
            return token(single, start);
        }
        if (c == ':' && pos + 1 < text.length() && isAlnum(text.charAt(pos + 1))) {
            pos++;
            while (pos < text.length() && isAlnum(text.charAt(pos))) {
                pos++;
            }
            return token(Kind.VARIABLE, start);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < text.length() && isDigit(text.charAt(pos + 1)))) {
            return number(start);
        }
        if (isAlpha(c)) {
            while (pos < text.length() && isAlnum(text.charAt(pos))) {
                pos++;
            }
            String word = text.substring(start, pos);
            return new ExprToken(KEYWORDS.getOrDefault(word.toLowerCase(Locale.ROOT), Kind.IDENTIFIER), columnBase + start, word);
        }
        throw unexpected(c, start);
    }

    private ExprToken number(int start) {
        boolean isDouble = false;
        while (pos < text.length() && isDigit(text.charAt(pos))) {
            pos++;
        }
        if (pos < text.length() && text.charAt(pos) == '.') {
            isDouble = true;
            pos++;
            while (pos < text.length() && isDigit(text.charAt(pos))) {
                pos++;
            }
        }
        int exponent = pos;
        if (exponent < text.length() && (text.charAt(exponent) == 'e' || text.charAt(exponent) == 'E')) {
            int digits = exponent + 1;
            if (digits < text.length() && (text.charAt(digits) == '+' || text.charAt(digits) == '-')) {
                digits++;
            }
            if (digits < text.length() && isDigit(text.charAt(digits))) {
                isDouble = true;
                pos = digits;
                while (pos < text.length() && isDigit(text.charAt(pos))) {
                    pos++;
                }
            }
        }
        String literal = text.substring(start, pos);
        if (isDouble) {
            if (CText.finiteDouble(literal) == null) {
                throw new ParseProblem(columnBase + start, "double constant " + literal + " is out of range",
                        "write a double between 2.2250738585072014e-308 and 1.7976931348623157e308 in size, or 0");
            }
            return token(Kind.DOUBLE, start);
        }
        if (literal.equals(MAXINT_PLUS_ONE)) {
            return token(Kind.MAXINT_PLUS_ONE, start);
        }
        if (CText.parseInt64(literal) == null) {
            throw new ParseProblem(columnBase + start, "bigint constant " + literal + " is out of range",
                    "write an integer between -9223372036854775808 and 9223372036854775807");
        }
        return token(Kind.INTEGER, start);
    }

    private ExprToken token(Kind kind, int start) {
        return new ExprToken(kind, columnBase + start, text.substring(start, pos));
    }

    private ParseProblem unexpected(char c, int start) {
        if (c == ';') {
            return new ParseProblem(columnBase + start, "unexpected \";\" in the expression",
                    "remove it: a meta command ends at the end of its line, without a semicolon");
        }
        if (c == '\'' || c == '"') {
            return new ParseProblem(columnBase + start, "unexpected \"" + c + "\" in the expression",
                    "expressions have no strings: write numbers, :variables, operators and functions");
        }
        return new ParseProblem(columnBase + start, "unexpected character \"" + c + "\" in the expression",
                "write numbers, :variables, operators (+ - * / % = <> < > & | # ~ << >>) and functions");
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B' || c == '\n';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAlpha(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isAlnum(char c) {
        return isAlpha(c) || isDigit(c);
    }
}
