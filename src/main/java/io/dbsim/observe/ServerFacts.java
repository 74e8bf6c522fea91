package io.dbsim.observe;

import io.dbsim.db.DataSnapshot;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a result cannot be read without: the server's version, the settings that change results
 * (with their units, as SHOW prints them), and how much data the run worked on.
 *
 * @param tables rows (the planner's estimate, exact after the seed's ANALYZE) and size per table
 */
public record ServerFacts(String version, Map<String, String> settings, List<TableSize> tables, long databaseBytes) {

    /** Settings that move latency or throughput; the rest of postgresql.conf rarely does for this workload. */
    static final List<String> SETTINGS = List.of("max_connections", "shared_buffers", "effective_cache_size", "work_mem",
            "maintenance_work_mem", "random_page_cost", "effective_io_concurrency", "max_worker_processes",
            "max_parallel_workers_per_gather", "synchronous_commit", "fsync", "wal_level", "max_wal_size",
            "checkpoint_timeout", "default_statistics_target", "jit", "huge_pages", "autovacuum",
            "shared_preload_libraries", "track_io_timing");

    public record TableSize(String table, long rows, long bytes) {
    }

    static ServerFacts read(Connection c) throws SQLException {
        String version;
        Map<String, String> settings = new LinkedHashMap<>();
        List<TableSize> tables = new java.util.ArrayList<>();
        long dbBytes;
        try (Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(DatabaseObserver.TAG + "SELECT current_setting('server_version'), "
                    + "pg_database_size(current_database())")) {
                rs.next();
                version = rs.getString(1);
                dbBytes = rs.getLong(2);
            }
            try (ResultSet rs = s.executeQuery(DatabaseObserver.TAG
                    + "SELECT CASE WHEN n.nspname = current_schema() THEN c.relname ELSE n.nspname || '.' || c.relname END, "
                    + "greatest(c.reltuples, 0)::bigint, pg_total_relation_size(c.oid) FROM pg_class c "
                    + "JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relkind IN ('r', 'p') "
                    + "AND n.nspname NOT IN ('pg_catalog', 'information_schema', '" + DataSnapshot.SCHEMA + "') "
                    + "AND n.nspname NOT LIKE 'pg_toast%' "
                    + "ORDER BY pg_total_relation_size(c.oid) DESC")) {
                while (rs.next()) {
                    tables.add(new TableSize(rs.getString(1), rs.getLong(2), rs.getLong(3)));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(DatabaseObserver.TAG
                + "SELECT name, current_setting(name) FROM pg_settings WHERE name = ANY (?) ORDER BY array_position(?, name)")) {
            var names = c.createArrayOf("text", SETTINGS.toArray());
            ps.setArray(1, names);
            ps.setArray(2, names);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    settings.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return new ServerFacts(version, settings, tables, dbBytes);
    }

    public long dataBytes() {
        return tables.stream().mapToLong(TableSize::bytes).sum();
    }
}
