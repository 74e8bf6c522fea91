package io.dbsim;

/** SQL and other long text shown on one line of a table. */
public final class Text {

    private Text() {
    }

    /** Whitespace folded to single spaces, cut at {@code max} characters with "..." when longer. */
    public static String oneLine(String s, int max) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() <= max ? one : one.substring(0, max) + "...";
    }
}
