package io.dbsim.workload.script;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A meta command's line split into whitespace-separated words, each with its 1-based column. */
record MetaWords(String line, List<Word> words) {

    record Word(String text, int column) {
        /** The column just after the word. */
        int end() {
            return column + text.length();
        }
    }

    static MetaWords of(String line) {
        List<Word> words = new ArrayList<>();
        int i = 0;
        while (i < line.length()) {
            while (i < line.length() && isSpace(line.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < line.length() && !isSpace(line.charAt(i))) {
                i++;
            }
            if (i > start) {
                words.add(new Word(line.substring(start, i), start + 1));
            }
        }
        return new MetaWords(line, List.copyOf(words));
    }

    /** The command's name, lower case, without its backslash. */
    String command() {
        return words.get(0).text().substring(1).toLowerCase(Locale.ROOT);
    }

    int size() {
        return words.size();
    }

    Word word(int index) {
        return words.get(index);
    }

    /** The text after word {@code index}, where an expression starts. */
    String restAfter(int index) {
        return line.substring(words.get(index).end() - 1);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\u000B';
    }
}
