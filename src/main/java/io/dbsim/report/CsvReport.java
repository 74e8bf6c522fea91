package io.dbsim.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.dbsim.DbsimException;
import io.dbsim.analysis.RunReport.DbPoint;
import io.dbsim.analysis.RunReport.Latency;
import io.dbsim.analysis.RunReport.OperationRow;
import io.dbsim.analysis.RunReport.Point;
import io.dbsim.analysis.RunReport.StatementRow;
import io.dbsim.analysis.RunReport;

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

    public static void write(RunReport run, Path dir) {
        try {
            Files.createDirectories(dir);
            writeFile(dir.resolve("timeseries.csv"), timeseries(run));
            writeFile(dir.resolve("operations.csv"), operations(run));
            if (run.statements() != null) {
                writeFile(dir.resolve("statements.csv"), statements(run.statements()));
            } else {
                Files.deleteIfExists(dir.resolve("statements.csv"));
            }
        } catch (IOException e) {
            throw new DbsimException("cannot write the CSV files to " + dir + ": " + e.getMessage(), e);
        }
    }

    private static List<Map<String, Object>> timeseries(RunReport run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Point p : run.timeseries()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("t_s", p.tS());
            r.put("ops", p.ops());
            r.put("errors", p.errors());
            r.put("ops_per_sec", p.opsPerSec());
            r.put("p50_ms", p.p50Ms());
            r.put("p95_ms", p.p95Ms());
            r.put("p99_ms", p.p99Ms());
            r.put("users", p.users());
            r.put("pool_active", p.poolActive());
            r.put("pool_idle", p.poolIdle());
            r.put("pool_waiting", p.poolWaiting());
            r.put("heap_used_mb", p.heapUsedMb());
            r.put("heap_after_gc_mb", p.heapAfterGcMb());
            r.put("simulator_cpu_pct", p.simulatorCpuPct());
            r.put("host_cpu_pct", p.hostCpuPct());
            DbPoint d = p.db();
            r.put("db_backends", d == null ? null : d.backends());
            r.put("db_active", d == null ? null : d.active());
            r.put("db_idle_in_transaction", d == null ? null : d.idleInTransaction());
            r.put("db_locks_not_granted", d == null ? null : d.locksNotGranted());
            r.put("db_commits_per_sec", d == null ? null : d.commitsPerSec());
            r.put("db_cache_hit_pct", d == null ? null : d.cacheHitPct());
            r.put("warm_up_ops_per_sec", p.warmUpOpsPerSec());
            rows.add(r);
        }
        return rows;
    }

    private static List<Map<String, Object>> operations(RunReport run) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OperationRow op : run.operations()) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operation", op.name());
            r.put("count", op.count());
            r.put("succeeded", op.succeeded());
            r.put("failed", op.failed());
            r.put("retries", op.retries());
            r.put("share_pct", op.sharePct());
            latency(r, "", op.latencyMs());
            latency(r, "pool_wait_", op.poolWaitMs());
            latency(r, "database_", op.databaseMs());
            op.errors().forEach((error, n) -> r.put("errors_" + error, n));
            rows.add(r);
        }
        return rows;
    }

    private static void latency(Map<String, Object> r, String prefix, Latency l) {
        r.put(prefix + "mean_ms", l.mean());
        r.put(prefix + "p50_ms", l.p50());
        r.put(prefix + "p90_ms", l.p90());
        r.put(prefix + "p95_ms", l.p95());
        r.put(prefix + "p99_ms", l.p99());
        r.put(prefix + "max_ms", l.max());
    }

    /** The JSON report's statement rows without their intervals, the long query text in the last column. */
    private static List<Map<String, Object>> statements(List<StatementRow> statements) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (StatementRow st : statements) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("operation", st.operation());
            r.put("query_id", st.queryId());
            r.put("calls", st.calls());
            r.put("total_ms", st.totalMs());
            r.put("mean_ms", st.meanMs());
            r.put("rows", st.rows());
            r.put("shared_blocks_hit", st.sharedBlocksHit());
            r.put("shared_blocks_read", st.sharedBlocksRead());
            r.put("temp_blocks_read", st.tempBlocksRead());
            r.put("temp_blocks_written", st.tempBlocksWritten());
            r.put("query", st.query());
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
