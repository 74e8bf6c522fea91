package io.dbsim.db;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * libpq's password file, read as libpq reads it (fe-connect.c, passwordFromFile): lines
 * {@code hostname:port:database:username:password}, {@code *} matching any value, {@code \:} and {@code \\} escaping,
 * lines starting with {@code #} skipped, the first matching line winning. A file that is not plain, or that its
 * group or others may access in any way, is ignored with libpq's warning.
 */
public record PgPassFile(Path path) {

    private static final Set<PosixFilePermission> GROUP_OR_WORLD = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    /**
     * The password of the first line that matches, as libpq would find it. An empty host is libpq's default,
     * which {@code localhost} lines match; an empty database or user matches nothing, as in libpq.
     */
    public Optional<String> password(String host, String port, String database, String user, Consumer<String> warnings) {
        if (database == null || database.isEmpty() || user == null || user.isEmpty()) {
            return Optional.empty();
        }
        String[] wanted = {host == null || host.isEmpty() ? "localhost" : host, port == null || port.isEmpty() ? "5432" : port,
            database, user};
        return readable(warnings).flatMap(text -> firstMatch(text, wanted));
    }

    private Optional<String> readable(Consumer<String> warnings) {
        try {
            if (!Files.isRegularFile(path)) {
                if (Files.exists(path)) {
                    warnings.accept("WARNING: password file \"" + path + "\" is not a plain file");
                }
                return Optional.empty();
            }
            if (!accessibleToOthers(path).isEmpty()) {
                warnings.accept("WARNING: password file \"" + path + "\" has group or world access; "
                        + "permissions should be u=rw (0600) or less (ignored, as libpq does)");
                return Optional.empty();
            }
            // Bytes that are not UTF-8 become replacement characters rather than failing the whole file.
            return Optional.of(new String(Files.readAllBytes(path), StandardCharsets.UTF_8));
        } catch (IOException e) {
            // libpq gives up on a file it cannot stat or open just as silently.
            return Optional.empty();
        }
    }

    private static Set<PosixFilePermission> accessibleToOthers(Path file) throws IOException {
        try {
            Set<PosixFilePermission> others = EnumSet.copyOf(GROUP_OR_WORLD);
            others.retainAll(Files.readAttributes(file, PosixFileAttributes.class).permissions());
            return others;
        } catch (UnsupportedOperationException e) {
            return Set.of();
        }
    }

    private static Optional<String> firstMatch(String text, String[] wanted) {
        for (String line : text.split("\n", -1)) {
            String stripped = line.replaceAll("\r+$", "");
            if (stripped.isEmpty() || stripped.charAt(0) == '#') {
                continue;
            }
            int at = 0;
            for (int field = 0; field < wanted.length && at >= 0; field++) {
                at = afterField(stripped, at, wanted[field]);
            }
            if (at >= 0) {
                return Optional.of(unescapedPassword(stripped, at));
            }
        }
        return Optional.empty();
    }

    /** libpq's pwdfMatchesString: where the next field starts when this one matches token, or -1. */
    static int afterField(String line, int from, String token) {
        if (from + 1 < line.length() && line.charAt(from) == '*' && line.charAt(from + 1) == ':') {
            return from + 2;
        }
        int i = from;
        int t = 0;
        boolean escaped = false;
        while (i < line.length()) {
            if (line.charAt(i) == '\\' && !escaped) {
                i++;
                escaped = true;
                if (i == line.length()) {
                    return -1;
                }
            }
            char c = line.charAt(i);
            if (c == ':' && t == token.length() && !escaped) {
                return i + 1;
            }
            escaped = false;
            if (t == token.length() || c != token.charAt(t)) {
                return -1;
            }
            i++;
            t++;
        }
        return -1;
    }

    /** The password field up to its first unescaped colon, with libpq's backslash escapes undone. */
    static String unescapedPassword(String line, int from) {
        StringBuilder password = new StringBuilder();
        for (int i = from; i < line.length() && line.charAt(i) != ':'; i++) {
            if (line.charAt(i) == '\\' && i + 1 < line.length()) {
                i++;
            }
            password.append(line.charAt(i));
        }
        return password.toString();
    }
}
