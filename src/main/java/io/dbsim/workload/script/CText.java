package io.dbsim.workload.script;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.regex.Pattern;

/**
 * Text to value and back the way pgbench's C code does it (strtoint64, strtod, atoi, "%.15g"),
 * so a variable set by -D or \gset means in dbsim what it means in pgbench.
 */
final class CText {

    private static final Pattern INTEGER = Pattern.compile("[ \t\n\u000B\f\r]*[-+]?[0-9]+");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("[-+]?(?i)(inf|infinity)");
    private static final Pattern NAN = Pattern.compile("[-+]?(?i)nan");
    private static final MathContext DBL_DIG = new MathContext(15, RoundingMode.HALF_EVEN);

    private CText() {
    }

    /** pgbench's makeVariableValue: NULL, a boolean word, an integer or a double; anything else is an error. */
    static Value variableValue(String name, String text) {
        if (text.isEmpty()) {
            throw new EvalError("variable :" + name + " is empty, not a number (a \\gset of a NULL column stores an empty string)");
        }
        if (text.equalsIgnoreCase("null")) {
            return Value.NULL;
        }
        if (isPrefixIgnoreCase(text, "true") || isPrefixIgnoreCase(text, "yes") || text.equalsIgnoreCase("on")) {
            return Value.TRUE;
        }
        if (isPrefixIgnoreCase(text, "false") || isPrefixIgnoreCase(text, "no")
                || text.equalsIgnoreCase("off") || text.equalsIgnoreCase("of")) {
            return Value.FALSE;
        }
        if (INTEGER.matcher(text).matches()) {
            Long value = parseInt64(text);
            if (value == null) {
                throw new EvalError("variable :" + name + " holds \"" + text + "\", which is out of range for a bigint");
            }
            return new Value.Int(value);
        }
        Double value = parseDouble(text);
        if (value == null) {
            throw new EvalError("variable :" + name + " holds \"" + text + "\", which is not a number, a boolean or NULL");
        }
        return new Value.Dbl(value);
    }

    /** strtoint64: optional whitespace and sign, digits, optional trailing whitespace; null when malformed or out of range. */
    static Long parseInt64(String text) {
        String trimmed = stripCSpace(text);
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(trimmed.charAt(0) == '+' ? trimmed.substring(1) : trimmed);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** strtod as pgbench's strtodouble uses it: the whole text, no overflow or underflow; null otherwise. */
    static Double parseDouble(String text) {
        String value = stripLeadingCSpace(text);
        if (INFINITY.matcher(value).matches()) {
            return value.charAt(0) == '-' ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (NAN.matcher(value).matches()) {
            return Double.NaN;
        }
        if (!DECIMAL.matcher(value).matches()) {
            return null;
        }
        return finiteDouble(value);
    }

    /** A decimal literal as a double, or null where strtod reports ERANGE (overflow, or underflow below DBL_MIN). */
    static Double finiteDouble(String decimal) {
        double parsed = Double.parseDouble(decimal);
        if (Double.isInfinite(parsed)) {
            return null;
        }
        if (Math.abs(parsed) < Double.MIN_NORMAL && hasNonZeroDigit(decimal)) {
            return null;
        }
        return parsed;
    }

    /** C's atoi: leading whitespace, optional sign, the digits that follow; 0 when there are none. */
    static long atoi(String text) {
        int i = 0;
        int n = text.length();
        while (i < n && isCSpace(text.charAt(i))) {
            i++;
        }
        boolean negative = false;
        if (i < n && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
            negative = text.charAt(i) == '-';
            i++;
        }
        long value = 0;
        while (i < n && Character.isDigit(text.charAt(i)) && text.charAt(i) < 128) {
            value = value * 10 + (text.charAt(i) - '0');
            if (value > Integer.MAX_VALUE) {
                return negative ? Integer.MIN_VALUE : Integer.MAX_VALUE;
            }
            i++;
        }
        return negative ? -value : value;
    }

    /** A value as pgbench prints it into a variable's text (getVariable). */
    static String format(Value value) {
        return switch (value) {
            case Value.Null n -> "NULL";
            case Value.Bool b -> b.value() ? "true" : "false";
            case Value.Int i -> Long.toString(i.value());
            case Value.Dbl d -> formatDouble(d.value());
        };
    }

    /**
     * "%.15g" as PostgreSQL's own snprintf prints it: DBL_DIG significant digits, trailing zeros
     * dropped, an exponent of at least two digits, and NaN, Infinity, -Infinity spelled out.
     */
    static String formatDouble(double value) {
        if (Double.isNaN(value)) {
            return "NaN";
        }
        if (Double.isInfinite(value)) {
            return value > 0 ? "Infinity" : "-Infinity";
        }
        if (value == 0.0) {
            return 1 / value < 0 ? "-0" : "0";
        }
        BigDecimal rounded = new BigDecimal(value).round(DBL_DIG);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (exponent < -4 || exponent >= DBL_DIG.getPrecision()) {
            BigDecimal mantissa = rounded.movePointLeft(exponent).stripTrailingZeros();
            String sign = exponent < 0 ? "-" : "+";
            String digits = Integer.toString(Math.abs(exponent));
            return mantissa.toPlainString() + "e" + sign + (digits.length() < 2 ? "0" + digits : digits);
        }
        return rounded.stripTrailingZeros().toPlainString();
    }

    private static boolean isPrefixIgnoreCase(String text, String word) {
        return text.length() <= word.length() && word.regionMatches(true, 0, text, 0, text.length());
    }

    private static boolean hasNonZeroDigit(String decimal) {
        int end = decimal.length();
        for (int i = 0; i < decimal.length(); i++) {
            char c = decimal.charAt(i);
            if (c == 'e' || c == 'E') {
                end = i;
                break;
            }
        }
        for (int i = 0; i < end; i++) {
            char c = decimal.charAt(i);
            if (c >= '1' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean isCSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    private static String stripLeadingCSpace(String text) {
        int i = 0;
        while (i < text.length() && isCSpace(text.charAt(i))) {
            i++;
        }
        return text.substring(i);
    }

    private static String stripCSpace(String text) {
        int end = text.length();
        while (end > 0 && isCSpace(text.charAt(end - 1))) {
            end--;
        }
        return stripLeadingCSpace(text.substring(0, end));
    }
}
