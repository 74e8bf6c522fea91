package io.dbsim.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where and as whom to connect. The password is kept for the driver only: {@link #toString()},
 * {@link #safeUrl()} and every message built from this record leave it out. {@code applicationName} names
 * dbsim's own connections in pg_stat_activity (PGAPPNAME, as libpq); {@code source} says where the settings
 * came from, e.g. "PGHOST, PGDATABASE, ~/.pgpass".
 */
public record ConnectionInfo(String jdbcUrl, String user, String password, String applicationName, String source) {

    private static final Pattern URL_PASSWORD = Pattern.compile("(?i)(password=)[^&;]*");

    /** A server dbsim started itself (embedded, container, tests' own). */
    public ConnectionInfo(String jdbcUrl, String user, String password) {
        this(jdbcUrl, user, password, "dbsim", "dbsim's own server");
    }

    public Connection open() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, properties());
    }

    /** A connection that shows as {@code name} in pg_stat_activity, so its queries can be told apart. */
    public Connection open(String name) throws SQLException {
        Properties props = properties();
        props.setProperty("ApplicationName", name);
        return DriverManager.getConnection(jdbcUrl, props);
    }

    public Properties properties() {
        Properties props = new Properties();
        if (user != null && !user.isEmpty()) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        return props;
    }

    /** The URL with any password parameter replaced, fit for consoles and reports. */
    public String safeUrl() {
        return redact(jdbcUrl);
    }

    public static String redact(String text) {
        return text == null ? null : URL_PASSWORD.matcher(text).replaceAll("$1***");
    }

    /** host:port/database as a DBA reads it, from the URL. */
    public String hostAndDatabase() {
        String rest = jdbcUrl.replaceFirst("^jdbc:postgresql:(//)?", "");
        int query = rest.indexOf('?');
        return query >= 0 ? rest.substring(0, query) : rest;
    }

    /** Whether a host:port/database target is this machine (an empty host is the local socket). */
    public static boolean isLocal(String hostAndDatabase) {
        String t = hostAndDatabase.toLowerCase(java.util.Locale.ROOT);
        String host = t.contains("/") ? t.substring(0, t.indexOf('/')) : t;
        return host.isEmpty() || host.startsWith("localhost") || host.startsWith("127.") || host.startsWith("[::1]")
                || host.startsWith("::1");
    }

    @Override
    public String toString() {
        return "ConnectionInfo[" + safeUrl() + ", user=" + user + ", from " + source + "]";
    }
}
