package io.dbsim.settings;

import io.dbsim.UsageException;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Where dbsim serves its live metrics in Prometheus' format while it runs ({@code --metrics-port}, {@code
 * --metrics-bind}), and how long it waits after the last run for one more scrape ({@code --metrics-linger}), so
 * the final counts reach Prometheus. Whether the address can be listened on is known only by trying: the
 * server says so when it starts, before any database work.
 */
public record MetricsEndpoint(String bind, int port, Duration linger) {

    /** Nothing leaves the machine unless asked for. */
    public static final String LOOPBACK = "127.0.0.1";

    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._:%-]+");
    private static final Pattern NUMBERS = Pattern.compile("[0-9.]+");

    /** The endpoint the settings ask for; null without a port, since nothing is exposed by default. */
    static MetricsEndpoint of(Integer port, String bind, Duration linger) {
        if (port == null) {
            if (bind != null) {
                throw new UsageException("--metrics-bind " + bind + " serves nothing without --metrics-port: add one, e.g. "
                        + "--metrics-port 9464");
            }
            return null;
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("--metrics-port must be a TCP port from 1 to 65535, got " + port + " (e.g. 9464)");
        }
        String host = bind == null ? LOOPBACK : bind.strip().replaceAll("^\\[(.*)]$", "$1");
        if (!HOST.matcher(host).matches() || NUMBERS.matcher(host).matches() && !ipv4(host)) {
            throw new UsageException("--metrics-bind '" + bind + "' is not an address: give an IP address of this machine, "
                    + "0.0.0.0 for all of them, or a host name");
        }
        return new MetricsEndpoint(host, port, linger);
    }

    /** Four numbers of 0 to 255: anything else made of digits and dots would be looked up as a host name. */
    private static boolean ipv4(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    /** The address to give Prometheus, as a URL. */
    public String url() {
        return "http://" + (bind.contains(":") ? "[" + bind + "]" : bind) + ":" + port + "/metrics";
    }
}
