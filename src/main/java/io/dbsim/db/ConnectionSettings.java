package io.dbsim.db;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Decides where and as whom to connect, in libpq's spirit: flags first, then dbsim's DBSIM_* variables, then libpq's
 * PG* variables, then the password file; and notes which of them were used, never what they held.
 */
public final class ConnectionSettings {

    private ConnectionSettings() {
    }

    /** libpq's home directory: $HOME, else the one Java knows for this user. */
    public static Path home(Map<String, String> env) {
        String home = env.get("HOME");
        return Path.of(home == null || home.isEmpty() ? System.getProperty("user.home") : home);
    }

    public static DatabaseRequest resolve(DatabaseFlags flags, Map<String, String> env, Path home) {
        LibpqEnvironment libpq = new LibpqEnvironment(env);
        Optional<Setting> givenUser = first(new Setting("--user", flags.user()), variable(env, "DBSIM_USER"), variable(env, "PGUSER"));
        String user = givenUser.map(Setting::value).orElse(System.getProperty("user.name"));

        List<String> urlSources = new ArrayList<>();
        String jdbcUrl = first(new Setting("--jdbc-url", flags.jdbcUrl()), variable(env, "DBSIM_JDBC_URL"))
                .map(s -> {
                    urlSources.add(s.name());
                    return s.value();
                }).orElse(null);
        if (jdbcUrl == null && libpq.locationSet() && (flags.kind() == DatabaseKind.AUTO || flags.kind() == DatabaseKind.URL)) {
            jdbcUrl = libpq.jdbcUrl(user);
            urlSources.addAll(libpq.urlSources());
        }
        DatabaseKind kind = flags.kind().given(jdbcUrl);
        if (kind != DatabaseKind.URL) {
            return new DatabaseRequest(flags.kind(), jdbcUrl, user, flags.password(), "dbsim", "", List.of());
        }

        List<String> warnings = new ArrayList<>();
        Optional<Setting> password = first(new Setting("--password", flags.password()), variable(env, "DBSIM_PASSWORD"),
                variable(env, "PGPASSWORD"));
        if (password.isEmpty()) {
            password = fromPassFile(jdbcUrl, user, libpq.passFile(home), warnings::add)
                    .map(p -> new Setting(libpq.passFileSource(), p));
        }
        Optional<Setting> applicationName = first(variable(env, "PGAPPNAME"));
        String source = Stream.of(urlSources.stream(), givenUser.stream().map(Setting::name),
                        password.stream().map(Setting::name), applicationName.stream().map(Setting::name))
                .flatMap(s -> s).collect(Collectors.joining(", "));
        return new DatabaseRequest(flags.kind(), jdbcUrl, user, password.map(Setting::value).orElse(null),
                applicationName.map(Setting::value).orElse("dbsim"), source, warnings);
    }

    /** The first host of the URL that has a line in the file: pgjdbc takes one password for all of its hosts. */
    private static Optional<String> fromPassFile(String jdbcUrl, String user, PgPassFile file, Consumer<String> warnings) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl);
        if (url.hasPassword()) {
            return Optional.empty();
        }
        String asUser = url.user() == null ? user : url.user();
        String database = url.database().isEmpty() ? asUser : url.database();
        for (PostgresUrl.Endpoint endpoint : url.endpoints()) {
            Optional<String> password = file.password(endpoint.host(), endpoint.port(), database, asUser, warnings);
            if (password.isPresent()) {
                return password;
            }
        }
        return Optional.empty();
    }

    /** One place a setting can come from, by name, and what it holds there; it prints as its name only. */
    private record Setting(String name, String value) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Setting variable(Map<String, String> env, String name) {
        return new Setting(name, env.get(name));
    }

    private static Optional<Setting> first(Setting... settings) {
        return Stream.of(settings).filter(s -> s.value() != null && !s.value().isBlank()).findFirst();
    }
}
