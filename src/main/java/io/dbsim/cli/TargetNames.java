package io.dbsim.cli;

import io.dbsim.db.PostgresUrl;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The host and database names of a target, and whether they look like a local or test database. Names are cut into
 * whole words (at every character that is not a letter or digit, and between letters and digits), so app_test,
 * test-db, qa.internal and dev01 look like test databases while payload, latest and contest do not.
 */
record TargetNames(List<String> hosts, String database) {

    static final Set<String> TEST_WORDS = Set.of("test", "tests", "testing", "testdb", "dev", "devel", "development",
            "local", "bench", "benchmark", "sim", "simulation", "dbsim", "demo", "load", "loadtest", "perf", "perftest",
            "performance", "stage", "staging", "stg", "qa", "uat", "scratch", "sandbox", "ci", "tmp", "temp");

    TargetNames {
        hosts = List.copyOf(hosts);
    }

    static TargetNames of(String jdbcUrl) {
        PostgresUrl url = PostgresUrl.parse(jdbcUrl);
        return new TargetNames(url.hosts(), url.database());
    }

    /** A test-like database name anywhere, or every host on this machine or test-like by name. */
    boolean localOrTestLike() {
        return testLike(database) || hosts.stream().allMatch(h -> local(h) || testLike(h));
    }

    static boolean testLike(String name) {
        return words(name).anyMatch(TEST_WORDS::contains);
    }

    static Stream<String> words(String name) {
        return Arrays.stream(name.toLowerCase(Locale.ROOT).split("[^\\p{Alnum}]+|(?<=\\p{Alpha})(?=\\d)|(?<=\\d)(?=\\p{Alpha})"))
                .filter(w -> !w.isEmpty());
    }

    /** localhost, or a loopback or any-local address literal; a name other than localhost is not looked up. */
    static boolean local(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.isEmpty() || h.equals("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+|[0-9a-f:.]*:[0-9a-f:.]*")) {
            return false;
        }
        try {
            InetAddress address = InetAddress.getByName(h);
            return address.isLoopbackAddress() || address.isAnyLocalAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
