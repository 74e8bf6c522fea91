package io.dbsim.db;

import io.dbsim.UsageException;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The libpq environment variables that psql and pgbench users already have set, read from a given environment
 * (the CLI passes System.getenv(), tests their own), and the JDBC URL they describe.
 */
public record LibpqEnvironment(Map<String, String> env) {

    public static final List<String> NAMES =
            List.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGPASSWORD", "PGSSLMODE", "PGAPPNAME", "PGPASSFILE");

    private static final List<String> LOCATION_NAMES = List.of("PGHOST", "PGPORT", "PGDATABASE", "PGUSER");
    private static final List<String> URL_NAMES = List.of("PGHOST", "PGPORT", "PGDATABASE", "PGSSLMODE");
    private static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");
    private static final String DEFAULT_PORT = "5432";

    public LibpqEnvironment {
        env = Map.copyOf(env);
    }

    /** A variable that is set and not empty. */
    public Optional<String> get(String name) {
        return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    /**
     * Whether the environment says where to connect (PGHOST, PGPORT, PGDATABASE or PGUSER): then dbsim connects where
     * libpq would. A password or sslmode alone, often left in a shell, says nothing of where, and leaves the embedded
     * server in charge.
     */
    public boolean locationSet() {
        return LOCATION_NAMES.stream().anyMatch(n -> get(n).isPresent());
    }

    /** The variables that went into {@link #jdbcUrl}, in libpq's order, for saying where the settings came from. */
    public List<String> urlSources() {
        return URL_NAMES.stream().filter(n -> get(n).isPresent()).toList();
    }

    /**
     * Where libpq would connect, as pgjdbc's URL: every host of PGHOST (a comma list becomes pgjdbc's multi-host URL)
     * with its PGPORT, PGDATABASE or else the user's name (libpq's default), PGSSLMODE as pgjdbc's sslmode, whose
     * values are libpq's. No PGHOST is localhost over TCP, where libpq would take its Unix socket.
     */
    public String jdbcUrl(String user) {
        List<String> hosts = List.of(get("PGHOST").orElse("").split(",", -1));
        List<String> ports = ports(hosts.size());
        List<String> endpoints = new ArrayList<>();
        for (int i = 0; i < hosts.size(); i++) {
            endpoints.add(hostForUrl(hosts.get(i).strip()) + ":" + ports.get(i));
        }
        String database = get("PGDATABASE").orElse(user);
        String url = "jdbc:postgresql://" + String.join(",", endpoints) + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return get("PGSSLMODE").map(mode -> url + "?sslmode=" + sslMode(mode)).orElse(url);
    }

    /** PGPASSFILE, else ~/.pgpass: libpq's password file, and how to name it when saying where a password came from. */
    public PgPassFile passFile(Path home) {
        return new PgPassFile(get("PGPASSFILE").map(Path::of).orElse(home.resolve(".pgpass")));
    }

    public String passFileSource() {
        return get("PGPASSFILE").isPresent() ? "PGPASSFILE" : "~/.pgpass";
    }

    private static String hostForUrl(String host) {
        if (host.isEmpty()) {
            return "localhost";
        }
        if (host.startsWith("/") || host.startsWith("@")) {
            throw new UsageException("PGHOST=" + host + " is a Unix socket directory, which the PostgreSQL JDBC driver cannot "
                    + "connect through: set PGHOST=localhost to use TCP, or give --jdbc-url jdbc:postgresql://localhost:5432/DB");
        }
        return host.contains(":") ? "[" + host + "]" : host;
    }

    private List<String> ports(int hostCount) {
        List<String> ports = List.of(get("PGPORT").orElse(DEFAULT_PORT).split(",", -1));
        if (ports.size() != 1 && ports.size() != hostCount) {
            throw new UsageException("PGPORT lists " + ports.size() + " ports for the " + hostCount
                    + " hosts of PGHOST: give one port for all, or one per host");
        }
        List<String> checked = ports.stream().map(LibpqEnvironment::port).toList();
        return checked.size() == hostCount ? checked : Collections.nCopies(hostCount, checked.getFirst());
    }

    private static String port(String value) {
        String port = value.strip().isEmpty() ? DEFAULT_PORT : value.strip();
        if (!port.matches("\\d{1,5}") || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65535) {
            throw new UsageException("PGPORT=" + value + " is not a port number: set it to e.g. 5432");
        }
        return port;
    }

    private static String sslMode(String mode) {
        if (!SSL_MODES.contains(mode)) {
            throw new UsageException("PGSSLMODE=" + mode + " is not an sslmode: use one of disable, allow, prefer, require, "
                    + "verify-ca, verify-full");
        }
        return mode;
    }
}
