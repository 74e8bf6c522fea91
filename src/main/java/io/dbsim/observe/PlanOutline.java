package io.dbsim.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.dbsim.workload.CapturedStatement;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement's plan reduced to what changes when a schema changes: the nodes, and the tables and
 * indexes they use, without costs or row estimates, e.g. {@code Limit > Sort > Seq Scan on members}.
 * Two outlines differ exactly when the planner chose a different way to run the statement.
 */
public record PlanOutline(String outline, double cost) {

    /**
     * EXPLAINs (without running) each statement with the values it first ran with, by its SQL text;
     * a statement the database refuses to plan is left out.
     */
    public static Map<String, PlanOutline> of(Connection c, List<CapturedStatement> statements) throws SQLException {
        Map<String, PlanOutline> out = new LinkedHashMap<>();
        for (CapturedStatement st : statements) {
            JsonNode plan = PlanInspector.explain(c, st);
            if (plan != null) {
                out.put(st.sql(), new PlanOutline(outline(plan), plan.path("Total Cost").asDouble()));
            }
        }
        return out;
    }

    static String outline(JsonNode node) {
        StringBuilder s = new StringBuilder(node.path("Node Type").asText());
        if (node.has("Index Name")) {
            s.append(" using ").append(node.path("Index Name").asText());
        }
        if (node.has("Relation Name")) {
            s.append(" on ").append(node.path("Relation Name").asText());
        }
        List<String> children = new ArrayList<>();
        node.path("Plans").forEach(child -> children.add(outline(child)));
        if (children.size() == 1) {
            s.append(" > ").append(children.get(0));
        } else if (children.size() > 1) {
            s.append(" (").append(String.join(", ", children)).append(')');
        }
        return s.toString();
    }
}
