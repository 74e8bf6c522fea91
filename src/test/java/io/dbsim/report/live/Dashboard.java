package io.dbsim.report.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Grafana dashboard shipped in deploy/grafana/dashboards, read as Grafana reads it, with its panels' PromQL. */
record Dashboard(JsonNode root) {

    static final Path FILE = Path.of("deploy/grafana/dashboards/dbsim.json");

    /** A series name: dbsim's, HikariCP's or the JVM's. */
    private static final Pattern SERIES = Pattern.compile("\\b((?:dbsim|hikaricp|process|jvm|system)_[a-z0-9_]+)\\b");

    static Dashboard read() throws IOException {
        return new Dashboard(new ObjectMapper().readTree(FILE.toFile()));
    }

    List<JsonNode> panels() {
        List<JsonNode> out = new ArrayList<>();
        root.path("panels").forEach(p -> {
            if (!"row".equals(p.path("type").asText())) {
                out.add(p);
            }
        });
        return out;
    }

    List<String> queries() {
        List<String> out = new ArrayList<>();
        panels().forEach(p -> p.path("targets").forEach(t -> out.add(t.path("expr").asText())));
        return out;
    }

    /** A query as Grafana sends it with every variable at "All" and a 15 s rate interval. */
    static String asSent(String query) {
        return query.replace("$__rate_interval", "15s").replace("$pattern", ".*").replace("$segment", ".*")
                .replace("$operation", ".*");
    }

    Set<String> seriesNames() {
        Set<String> names = new TreeSet<>();
        for (String q : queries()) {
            Matcher m = SERIES.matcher(q);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }
}
