package io.dbsim.db;

import io.dbsim.UsageException;
import org.postgresql.Driver;

import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * A PostgreSQL JDBC URL as pgjdbc itself reads it (its own parser, so dbsim never disagrees with the driver):
 * the hosts with their ports, the database (empty when the URL names none) and the user and password it carries.
 */
public record PostgresUrl(List<Endpoint> endpoints, String database, String user, boolean hasPassword) {

    /** One host of the URL, without the brackets of an IPv6 literal, and its port as written. */
    public record Endpoint(String host, String port) {
    }

    public PostgresUrl {
        endpoints = List.copyOf(endpoints);
    }

    public static PostgresUrl parse(String jdbcUrl) {
        Properties props = jdbcUrl == null ? null : Driver.parseURL(jdbcUrl, null);
        if (props == null) {
            throw new UsageException("--jdbc-url must be a PostgreSQL JDBC URL such as jdbc:postgresql://localhost:5432/app, got '"
                    + ConnectionInfo.redact(jdbcUrl == null || jdbcUrl.length() <= 60 ? jdbcUrl : jdbcUrl.substring(0, 60) + "...")
                    + "'");
        }
        String[] hosts = props.getProperty("PGHOST", "localhost").split(",", -1);
        String[] ports = props.getProperty("PGPORT", "5432").split(",", -1);
        List<Endpoint> endpoints = new ArrayList<>();
        for (int i = 0; i < hosts.length; i++) {
            String host = hosts[i].startsWith("[") && hosts[i].endsWith("]") ? hosts[i].substring(1, hosts[i].length() - 1) : hosts[i];
            endpoints.add(new Endpoint(host, i < ports.length ? ports[i] : ports[ports.length - 1]));
        }
        return new PostgresUrl(endpoints, props.getProperty("PGDBNAME", ""), props.getProperty("user"),
                props.getProperty("password") != null);
    }

    public List<String> hosts() {
        return endpoints.stream().map(Endpoint::host).toList();
    }
}
