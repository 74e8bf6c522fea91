package io.dbsim.workload.script;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Splits a script into SQL commands and meta commands with the rules of psql's lexer, which pgbench
 * uses: a SQL command ends at a semicolon outside quotes, comments and parentheses (and outside a
 * CREATE FUNCTION's BEGIN ATOMIC body); {@code \;} joins statements into one command; a backslash
 * outside quotes starts a meta command that runs to the end of the line ({@code \} at the end of a
 * line continues it). While it reads a SQL command it also writes the JDBC form: {@code :name}
 * outside quotes and comments becomes a {@code ?} bind parameter, a literal {@code ?} becomes
 * {@code ??} so that the driver keeps it.
 */
final class ScriptScanner {

    sealed interface Piece permits Sql, Meta {
        int line();
    }

    /** A SQL command as pgbench sends it ({@code text}) and as dbsim prepares it ({@code jdbcSql}). */
    record Sql(int line, String text, String jdbcSql, List<Reference> references) implements Piece {
    }

    /** A meta command's line from its backslash, continuation lines joined with a space. */
    record Meta(int line, String text) implements Piece {
    }

    /** A {@code :name} in a SQL command, in order: the n-th is bind parameter n. */
    record Reference(String name, int line) {
    }

    private static final Set<String> ROUTINE_WORDS = Set.of("create", "function", "procedure", "or", "replace");

    private final String source;
    private final String script;
    private final List<Piece> pieces = new ArrayList<>();
    private final StringBuilder text = new StringBuilder();
    private final StringBuilder jdbc = new StringBuilder();
    private final List<Reference> references = new ArrayList<>();
    private final char[] leadingWords = new char[4];
    private int wordCount;
    private int parenDepth;
    private int parenLine;
    private int beginDepth;
    private int commandLine;
    private int line = 1;
    private int pos;

    private ScriptScanner(String source, String script) {
        this.source = source;
        this.script = script;
    }

    static List<Piece> scan(String source, String script) {
        ScriptScanner scanner = new ScriptScanner(source, script);
        scanner.run();
        return scanner.pieces;
    }

    private void run() {
        while (pos < script.length()) {
            char c = script.charAt(pos);
            if (text.isEmpty() && isSpace(c)) {
                advance(1);
            } else if (c == '-' && peek(1) == '-') {
                int end = pos;
                while (end < script.length() && script.charAt(end) != '\n' && script.charAt(end) != '\r') {
                    end++;
                }
                if (text.isEmpty()) {
                    pos = end;
                } else {
                    copy(end - pos);
                }
            } else {
                if (text.isEmpty()) {
                    commandLine = line;
                }
                token(c);
            }
        }
        if (parenDepth > 0) {
            throw ScriptError.at(source, parenLine, "a parenthesis opened here is never closed", "add the missing )");
        }
        if (beginDepth > 0) {
            throw ScriptError.at(source, commandLine, "a BEGIN ATOMIC body is never closed", "end it with END;");
        }
        endCommand();
    }

    private void token(char c) {
        switch (c) {
            case '/' -> {
                if (peek(1) == '*') {
                    blockComment();
                } else {
                    copy(1);
                }
            }
            case '\'' -> quoted(false);
            case '"' -> doubleQuoted();
            case '$' -> dollar();
            case '(' -> {
                if (parenDepth++ == 0) {
                    parenLine = line;
                }
                copy(1);
            }
            case ')' -> {
                if (parenDepth > 0) {
                    parenDepth--;
                }
                copy(1);
            }
            case ';' -> {
                copy(1);
                if (parenDepth == 0 && beginDepth == 0) {
                    endCommand();
                }
            }
            case '\\' -> backslash();
            case ':' -> colon();
            case '?' -> {
                text.append('?');
                jdbc.append("??");
                pos++;
            }
            default -> {
                if (isIdentifierStart(c)) {
                    identifier();
                } else {
                    copy(1);
                }
            }
        }
    }

    private void backslash() {
        char next = peek(1);
        if (next == ';') {
            text.append(';');
            jdbc.append(';');
            pos += 2;
            wordCount = 0;
        } else if (next == ':') {
            // psql's \: forces a colon into the query; pgbench then reads a following name as a variable
            pos++;
            colon();
        } else {
            endCommand();
            meta();
        }
    }

    private void colon() {
        char next = peek(1);
        if (next == ':') {
            copy(2);
        } else if (isIdentifierStart(next)) {
            int end = pos + 1;
            while (end < script.length() && isVariableChar(script.charAt(end))) {
                end++;
            }
            String name = script.substring(pos + 1, end);
            text.append(':').append(name);
            jdbc.append('?');
            references.add(new Reference(name, line));
            pos = end;
        } else {
            copy(1);
        }
    }

    private void identifier() {
        int start = pos;
        int end = pos + 1;
        while (end < script.length() && isIdentifierPart(script.charAt(end))) {
            end++;
        }
        String word = script.substring(start, end);
        char after = end < script.length() ? script.charAt(end) : 0;
        copy(end - start);
        if (after == '\'' && word.equalsIgnoreCase("e")) {
            quoted(true);
            return;
        }
        if (word.equalsIgnoreCase("u") && after == '&') {
            char quote = peek(1);
            if (quote == '\'' || quote == '"') {
                copy(1);
                if (quote == '\'') {
                    quoted(false);
                } else {
                    doubleQuoted();
                }
            }
            return;
        }
        trackFunctionBody(word);
    }

    /** psql's heuristic for CREATE [OR REPLACE] FUNCTION|PROCEDURE ... BEGIN ATOMIC ... END, whose semicolons do not end it. */
    private void trackFunctionBody(String word) {
        if (wordCount == 0) {
            Arrays.fill(leadingWords, (char) 0);
        }
        String lower = word.toLowerCase(Locale.ROOT);
        if (wordCount < leadingWords.length && ROUTINE_WORDS.contains(lower)) {
            leadingWords[wordCount] = lower.charAt(0);
        }
        wordCount++;
        boolean createsRoutine = leadingWords[0] == 'c'
                && (leadingWords[1] == 'f' || leadingWords[1] == 'p'
                || (leadingWords[1] == 'o' && leadingWords[2] == 'r' && (leadingWords[3] == 'f' || leadingWords[3] == 'p')));
        if (createsRoutine && parenDepth == 0) {
            switch (lower) {
                case "begin" -> beginDepth++;
                case "case" -> {
                    if (beginDepth >= 1) {
                        beginDepth++;
                    }
                }
                case "end" -> {
                    if (beginDepth > 0) {
                        beginDepth--;
                    }
                }
                default -> {
                }
            }
        }
    }

    /** A '...' string; E'...' strings also take backslash escapes. Doubled quotes stay inside. */
    private void quoted(boolean backslashEscapes) {
        int startLine = line;
        int end = pos + 1;
        while (true) {
            if (end >= script.length()) {
                throw ScriptError.at(source, startLine, "a quoted string starting here is never closed", "close it with '");
            }
            char c = script.charAt(end);
            if (backslashEscapes && c == '\\' && end + 1 < script.length()) {
                end += 2;
            } else if (c == '\'' && end + 1 < script.length() && script.charAt(end + 1) == '\'') {
                end += 2;
            } else if (c == '\'') {
                break;
            } else {
                end++;
            }
        }
        copy(end + 1 - pos);
    }

    private void doubleQuoted() {
        int startLine = line;
        int end = pos + 1;
        while (true) {
            if (end >= script.length()) {
                throw ScriptError.at(source, startLine, "a quoted identifier starting here is never closed", "close it with \"");
            }
            if (script.charAt(end) == '"') {
                if (end + 1 < script.length() && script.charAt(end + 1) == '"') {
                    end += 2;
                    continue;
                }
                break;
            }
            end++;
        }
        copy(end + 1 - pos);
    }

    /** $tag$ ... $tag$ (the tag may be empty), or a lone $ as in $1. */
    private void dollar() {
        int end = pos + 1;
        if (end < script.length() && isIdentifierStart(script.charAt(end))) {
            end++;
            while (end < script.length() && isVariableChar(script.charAt(end))) {
                end++;
            }
        }
        if (end >= script.length() || script.charAt(end) != '$') {
            copy(1);
            return;
        }
        String tag = script.substring(pos, end + 1);
        int close = script.indexOf(tag, end + 1);
        if (close < 0) {
            throw ScriptError.at(source, line, "a dollar-quoted string starting here is never closed", "close it with " + tag);
        }
        copy(close + tag.length() - pos);
    }

    private void blockComment() {
        int startLine = line;
        int depth = 0;
        int end = pos;
        while (true) {
            if (end + 1 >= script.length()) {
                throw ScriptError.at(source, startLine, "a /* comment starting here is never closed", "close it with */");
            }
            if (script.charAt(end) == '/' && script.charAt(end + 1) == '*') {
                depth++;
                end += 2;
            } else if (script.charAt(end) == '*' && script.charAt(end + 1) == '/') {
                end += 2;
                if (--depth == 0) {
                    break;
                }
            } else {
                end++;
            }
        }
        copy(end - pos);
    }

    private void meta() {
        int startLine = line;
        StringBuilder command = new StringBuilder();
        int end = pos;
        while (end < script.length()) {
            char c = script.charAt(end);
            if (c == '\\' && end + 1 < script.length() && script.charAt(end + 1) == '\n') {
                command.append(' ');
                end += 2;
                line++;
            } else if (c == '\\' && end + 2 < script.length() && script.charAt(end + 1) == '\r' && script.charAt(end + 2) == '\n') {
                command.append(' ');
                end += 3;
                line++;
            } else if (c == '\n') {
                end++;
                line++;
                break;
            } else {
                command.append(c);
                end++;
            }
        }
        pos = end;
        int length = command.length();
        while (length > 0 && command.charAt(length - 1) == '\r') {
            length--;
        }
        pieces.add(new Meta(startLine, command.substring(0, length)));
    }

    private void endCommand() {
        if (!text.isEmpty()) {
            pieces.add(new Sql(commandLine, text.toString(), jdbc.toString(), List.copyOf(references)));
        }
        text.setLength(0);
        jdbc.setLength(0);
        references.clear();
        wordCount = 0;
        parenDepth = 0;
        beginDepth = 0;
    }

    /** Copies script text unchanged into both forms of the command, counting lines. */
    private void copy(int length) {
        CharSequence part = script.subSequence(pos, pos + length);
        text.append(part);
        jdbc.append(part);
        advance(length);
    }

    private void advance(int length) {
        for (int i = pos; i < pos + length; i++) {
            if (script.charAt(i) == '\n') {
                line++;
            }
        }
        pos += length;
    }

    private char peek(int ahead) {
        int at = pos + ahead;
        return at < script.length() ? script.charAt(at) : 0;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
    }

    private static boolean isVariableChar(char c) {
        return isIdentifierStart(c) || (c >= '0' && c <= '9');
    }

    private static boolean isIdentifierPart(char c) {
        return isVariableChar(c) || c == '$';
    }
}
