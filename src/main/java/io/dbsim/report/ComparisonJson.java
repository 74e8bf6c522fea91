package io.dbsim.report;

import io.dbsim.analysis.Round;
import io.dbsim.analysis.RunReport;
import io.dbsim.analysis.compare.Change;
import io.dbsim.analysis.compare.Comparison;
import io.dbsim.analysis.compare.PlanChange;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The machine-readable comparison (`dbsim compare --json`, `dbsim ab --json`); documented in reports/README.md. */
public final class ComparisonJson {

    private ComparisonJson() {
    }

    public static void write(Comparison c, Double failOnRegressionPct, Path file) {
        AtomicFiles.write(file, "JSON comparison", tmp -> JsonReport.MAPPER.writeValue(tmp.toFile(), document(c, failOnRegressionPct)));
    }

    public static Map<String, Object> document(Comparison c, Double failOnRegressionPct) {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schema_version", RunReport.SCHEMA_VERSION);
        root.put("tool", "dbsim");
        root.put("kind", "comparison");
        root.put("before", c.before());
        root.put("after", c.after());
        root.put("pairs", c.pairs());
        root.put("method", c.method());
        root.put("interval_confidence_pct", Round.milli(100 * c.confidence()));
        root.put("differences", c.differences());
        root.put("notes", c.notes());
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Change.Verdict v : Change.Verdict.values()) {
            summary.put(v.name().toLowerCase(java.util.Locale.ROOT), c.count(v));
        }
        root.put("summary", summary);
        if (failOnRegressionPct != null) {
            Map<String, Object> gate = new LinkedHashMap<>();
            gate.put("limit_pct", failOnRegressionPct);
            List<Change> regressions = c.regressions(failOnRegressionPct);
            gate.put("passed", regressions.isEmpty());
            gate.put("regressions", regressions.stream().map(ComparisonJson::row).toList());
            root.put("regression_gate", gate);
        }
        root.put("rows", c.rows().stream().map(ComparisonJson::row).toList());
        List<Map<String, Object>> plans = new ArrayList<>();
        for (PlanChange p : c.plans()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("operation", p.operation());
            m.put("query", p.query());
            m.put("plan_before", p.planBefore());
            m.put("plan_after", p.planAfter());
            m.put("cost_before", Round.milli(p.costBefore()));
            m.put("cost_after", Round.milli(p.costAfter()));
            plans.add(m);
        }
        root.put("plan_changes", plans);
        return root;
    }

    static Map<String, Object> row(Change r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("operation", r.operation());
        m.put("query", r.query());
        m.put("metric", r.metric().key());
        m.put("unit", r.metric().unit());
        m.put("before", Round.milli(r.before()));
        m.put("after", Round.milli(r.after()));
        m.put("change_pct", finite(r.changePct()));
        m.put("ci_low_pct", finite(r.ciLowPct()));
        m.put("ci_high_pct", finite(r.ciHighPct()));
        m.put("p_value", Double.isNaN(r.pValue()) ? null : r.pValue());
        m.put("verdict", r.verdict().label());
        m.put("detail", r.detail().isEmpty() ? null : r.detail());
        return m;
    }

    /** JSON has no infinity: a rate rising from zero is a change without a percentage. */
    private static Double finite(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? null : Round.milli(v);
    }
}
