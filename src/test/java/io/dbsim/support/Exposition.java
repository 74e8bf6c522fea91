package io.dbsim.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/** One scrape in Prometheus' text format (0.0.4), parsed into its samples. */
public record Exposition(String text, List<Sample> samples) {

    /** One line: a series name, its labels, its value. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** GET url in the text format, as promtool reads it. */
    public static Exposition scrape(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/plain; version=0.0.4")
                .timeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException(url + " answered " + response.statusCode());
        }
        return parse(response.body());
    }

    public static Exposition parse(String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                samples.add(sample(line));
            }
        }
        return new Exposition(text, List.copyOf(samples));
    }

    private static Sample sample(String line) {
        int brace = line.indexOf('{');
        int space = line.indexOf(' ');
        if (brace < 0 || brace > space) {
            return new Sample(line.substring(0, space), Map.of(), value(line.substring(space + 1)));
        }
        Map<String, String> labels = new TreeMap<>();
        int i = brace + 1;
        while (line.charAt(i) != '}') {
            int eq = line.indexOf('=', i);
            String name = line.substring(i, eq);
            StringBuilder v = new StringBuilder();
            int j = eq + 2;
            for (; line.charAt(j) != '"'; j++) {
                char c = line.charAt(j);
                if (c == '\\') {
                    char next = line.charAt(++j);
                    v.append(next == 'n' ? '\n' : next);
                } else {
                    v.append(c);
                }
            }
            labels.put(name, v.toString());
            i = j + 1;
            if (line.charAt(i) == ',') {
                i++;
            }
        }
        return new Sample(line.substring(0, brace), labels, value(line.substring(i + 1)));
    }

    private static double value(String rest) {
        String v = rest.strip().split(" ")[0];
        return switch (v) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> Double.parseDouble(v);
        };
    }

    public List<Sample> named(String name) {
        return samples.stream().filter(s -> s.name().equals(name)).toList();
    }

    /** The value of each series of {@code name} whose labels pass {@code filter}, keyed by the value of label {@code by}. */
    public Map<String, Double> byLabel(String name, String by, Predicate<Map<String, String>> filter) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Sample s : named(name)) {
            if (filter.test(s.labels())) {
                out.merge(s.labels().get(by), s.value(), Double::sum);
            }
        }
        return out;
    }

    /** A histogram's cumulative buckets, summed over the series whose labels pass {@code filter}, by upper bound. */
    public Map<Double, Double> buckets(String histogram, Predicate<Map<String, String>> filter) {
        Map<Double, Double> out = new TreeMap<>();
        byLabel(histogram + "_bucket", "le", filter).forEach((le, n) -> out.merge(value(le), n, Double::sum));
        return out;
    }

    public Set<String> names() {
        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        return names;
    }
}
