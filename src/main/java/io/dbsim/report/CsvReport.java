package io.dbsim.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dbsim.DbsimException;
import io.dbsim.analysis.RunSummary;
import io.dbsim.db.ErrorClass;
import io.dbsim.engine.OperationMetrics;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.DatabasePoint;
import io.dbsim.observe.StatementStat;
import org.HdrHistogram.Histogram;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run as CSV files for spreadsheets and plotting tools (format: reports/README.md):
 * timeseries.csv, operations.csv and, when pg_stat_statements was readable, statements.csv.
 */
public final class CsvReport {

    private static final CsvMapper CSV = new CsvMapper();

    private CsvReport() {
    }

    public static void write(RunResult run, Path dir) {
        try {
            Files.createDirectories(dir);
            writeFile(dir.resolve("timeseries.csv"), timeseries(run));
            writeFile(dir.resolve("operations.csv"), operations(run));
            if (run.observation() != null && run.observation().delta() != null && run.observation().delta().statements() != null) {
                writeFile(dir.resolve("statements.csv"), statements(run.observation().delta().statements()));
            } else {
                Files.deleteIfExists(dir.resolve("statements.csv"));
            }
        } catch (IOException e) {
            throw new DbsimException("cannot write the CSV files to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> timeseries(RunResult run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (TimePoint p : run.timeSeries()) {
            Map<String, Object> r = JsonReport.point(p);
            DatabasePoint d = p.database();
            r.put("db_backends", d == null ? null : d.backends());
            r.put("db_active", d == null ? null : d.active());
            r.put("db_idle_in_transaction", d == null ? null : d.idleInTransaction());
            r.put("db_locks_not_granted", d == null ? null : d.locksNotGranted());
            r.put("db_commits_per_sec", d == null ? null : JsonReport.round(d.commitsPerSec()));
            r.put("db_cache_hit_pct", d == null || Double.isNaN(d.cacheHitPct()) ? null : JsonReport.round(d.cacheHitPct()));
            rows.add(r);
        }
        return rows;
    }

    private static List<Map<String, Object>> operations(RunResult run) {
        long all = run.operations().stream().mapToLong(OperationMetrics.Summary::count).sum();
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OperationMetrics.Summary op : run.operations()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operation", op.name());
            r.put("count", op.count());
            r.put("succeeded", op.succeeded());
            r.put("failed", op.failed());
            r.put("retries", op.retries());
            r.put("share_pct", JsonReport.round(100.0 * op.count() / Math.max(1, all)));
            latency(r, "", op.total());
            latency(r, "pool_wait_", op.poolWait());
            latency(r, "database_", op.database());
            for (ErrorClass e : ErrorClass.values()) {
                r.put("errors_" + e.label(), op.failuresByClass()[e.ordinal()]);
            }
            rows.add(r);
        }
        return rows;
    }

    private static void latency(Map<String, Object> r, String prefix, Histogram h) {
        r.put(prefix + "mean_ms", JsonReport.round(RunSummary.meanMs(h)));
        for (int p : new int[] {50, 90, 95, 99}) {
            r.put(prefix + "p" + p + "_ms", JsonReport.round(RunSummary.ms(h, p)));
        }
        r.put(prefix + "max_ms", JsonReport.round(RunSummary.maxMs(h)));
    }

    /** The JSON report's statement rows, with the long query text moved to the last column. */
    private static List<Map<String, Object>> statements(List<StatementStat> statements) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatementStat st : statements) {
            Map<String, Object> r = ObservationJson.statement(st);
            r.put("query", r.remove("query"));
            rows.add(r);
        }
        return rows;
    }

    private static void writeFile(Path file, List<Map<String, Object>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        rows.get(0).keySet().forEach(schema::addColumn);
        AtomicFiles.write(file, "CSV file", tmp -> {
            try (SequenceWriter w = CSV.writer(schema.build()).writeValues(tmp.toFile())) {
                for (Map<String, Object> row : rows) {
                    w.write(row);
                }
            }
        });
    }
}
