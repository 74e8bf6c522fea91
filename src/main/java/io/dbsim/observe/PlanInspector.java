package io.dbsim.observe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dbsim.workload.CapturedStatement;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EXPLAINs the run's own statements (with the values they first ran with) and picks out sequential
 * scans that read a whole table to keep a small share of it, or sort a whole table to return its
 * first rows: where an index on the filtered or ordering columns would serve the statement.
 */
public final class PlanInspector {

    /** Smaller tables fit in a few pages; a sequential scan of them is as cheap as an index. */
    static final long MIN_TABLE_ROWS = 1000;
    /** A filter keeping more than this share of the table is served as well by a scan as by an index. */
    static final double MAX_SELECTIVITY = 0.05;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern WORD = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /**
     * A selective filter served by reading the whole table.
     *
     * @param equalityColumns columns the filter compares with =, first in an index
     * @param otherColumns    columns under ranges, LIKE and other conditions
     * @param estimatedRows   rows the planner expects the filter to keep, of {@code tableRows}
     */
    public record SeqScan(String operation, String table, List<String> equalityColumns, List<String> otherColumns,
                          String filter, long estimatedRows, long tableRows, String sql) {

        public List<String> columns() {
            List<String> all = new ArrayList<>(equalityColumns);
            all.addAll(otherColumns);
            return all;
        }

        /** LIKE 'prefix%' can use a btree only with pattern operators, unless the collation is C. */
        public boolean usesLike() {
            return filter.contains("~~");
        }

        /** A sort of the whole table for the first rows in order, rather than a filter. */
        public boolean forOrder() {
            return filter.startsWith("ORDER BY");
        }
    }

    private PlanInspector() {
    }

    /**
     * The plan PostgreSQL would use for a statement with the values it first ran with (EXPLAIN, not
     * run), or null when it cannot be planned; then a transaction in progress is rolled back, since the
     * failure aborted it, so the next statements can still be explained.
     */
    static JsonNode explain(Connection c, CapturedStatement st) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(DatabaseObserver.TAG + "EXPLAIN (FORMAT JSON) " + st.example())) {
            rs.next();
            return JSON.readTree(rs.getString(1)).path(0).path("Plan");
        } catch (SQLException | java.io.IOException e) {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            return null;
        }
    }

    static List<SeqScan> inspect(Connection c, List<CapturedStatement> statements) throws SQLException {
        Map<String, Set<String>> columnsByTable = new HashMap<>();
        List<SeqScan> found = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (CapturedStatement st : statements) {
            String head = st.example().stripLeading().toLowerCase(Locale.ROOT);
            if (!(head.startsWith("select") || head.startsWith("with") || head.startsWith("update") || head.startsWith("delete"))) {
                continue;
            }
            JsonNode plan = explain(c, st);
            if (plan == null) {
                continue;
            }
            List<Scan> scans = new ArrayList<>();
            collectSeqScans(plan, 1, scans);
            for (Scan candidate : scans) {
                JsonNode scan = candidate.node();
                String table = scan.path("Relation Name").asText();
                String filter = scan.path("Filter").asText();
                long planRows = scan.path("Plan Rows").asLong() * candidate.processes();
                long tableRows = tableRows(c, scan.path("Schema").asText(null), table);
                if (filter.isEmpty() || tableRows < MIN_TABLE_ROWS || planRows > MAX_SELECTIVITY * tableRows
                        || !seen.add(st.operation() + "|" + table + "|" + filter)) {
                    continue;
                }
                Set<String> tableColumns = columnsByTable.computeIfAbsent(table, t -> columnsOf(c, t));
                List<String> equality = new ArrayList<>();
                List<String> other = new ArrayList<>();
                Matcher m = WORD.matcher(filter.replaceAll("'(?:[^']|'')*'", "''"));
                while (m.find()) {
                    String word = m.group();
                    if (tableColumns.contains(word) && !equality.contains(word) && !other.contains(word)) {
                        (comparedForEquality(filter, word) ? equality : other).add(word);
                    }
                }
                if (!equality.isEmpty() || !other.isEmpty()) {
                    found.add(new SeqScan(st.operation(), table, equality, other, filter, planRows, tableRows, st.sql()));
                }
            }
            topNSort(plan).ifPresent(limit -> {
                JsonNode sort = limit.sort;
                JsonNode scan = limit.scan;
                String table = scan.path("Relation Name").asText();
                long tableRows = tableRows(c, scan.path("Schema").asText(null), table);
                Set<String> tableColumns = columnsByTable.computeIfAbsent(table, t -> columnsOf(c, t));
                List<String> keys = new ArrayList<>();
                for (JsonNode key : sort.path("Sort Key")) {
                    String k = key.asText().replaceFirst("^\\(*", "").replaceFirst("^[a-z_0-9]+\\.", "");
                    String column = k.split("[\\s)]")[0];
                    if (tableColumns.contains(column) && !keys.contains(column)) {
                        keys.add(column);
                    }
                }
                long returned = limit.node.path("Plan Rows").asLong();
                if (!keys.isEmpty() && tableRows >= MIN_TABLE_ROWS && returned <= MAX_SELECTIVITY * tableRows
                        && seen.add(st.operation() + "|" + table + "|order|" + keys)) {
                    String order = "ORDER BY " + String.join(", ", jsonTexts(sort.path("Sort Key"))) + " LIMIT " + returned;
                    found.add(new SeqScan(st.operation(), table, List.of(), keys, order, returned, tableRows, st.sql()));
                }
            });
        }
        return found;
    }

    /** A Limit over a Sort of a whole table (possibly in parallel): an index in that order would read only the rows returned. */
    private record TopN(JsonNode node, JsonNode sort, JsonNode scan) {
    }

    private static java.util.Optional<TopN> topNSort(JsonNode plan) {
        if ("Limit".equals(plan.path("Node Type").asText())) {
            JsonNode n = plan.path("Plans").path(0);
            while (List.of("Gather Merge", "Sort", "Incremental Sort").contains(n.path("Node Type").asText())) {
                if (n.path("Node Type").asText().equals("Sort")) {
                    JsonNode child = n.path("Plans").path(0);
                    if (child.path("Node Type").asText().endsWith("Seq Scan")) {
                        return java.util.Optional.of(new TopN(plan, n, child));
                    }
                    return java.util.Optional.empty();
                }
                n = n.path("Plans").path(0);
            }
            return java.util.Optional.empty();
        }
        for (JsonNode child : plan.path("Plans")) {
            java.util.Optional<TopN> found = topNSort(child);
            if (found.isPresent()) {
                return found;
            }
        }
        return java.util.Optional.empty();
    }

    private static List<String> jsonTexts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    /** A scan and how many processes run it: under Gather, each worker and the leader estimate their own share of rows. */
    private record Scan(JsonNode node, int processes) {
    }

    private static void collectSeqScans(JsonNode node, int processes, List<Scan> into) {
        if (node.path("Node Type").asText().endsWith("Seq Scan")) {
            into.add(new Scan(node, processes));
        }
        int below = node.has("Workers Planned") ? node.path("Workers Planned").asInt() + 1 : processes;
        for (JsonNode child : node.path("Plans")) {
            collectSeqScans(child, below, into);
        }
    }

    private static boolean comparedForEquality(String filter, String column) {
        return Pattern.compile("(?<![\\w.])\\(?" + Pattern.quote(column) + "\\)?(::[a-z ]+)?\\s*=\\s").matcher(filter).find();
    }

    private static long tableRows(Connection c, String schema, String table) {
        try (PreparedStatement ps = c.prepareStatement(DatabaseObserver.TAG + "SELECT greatest(c.reltuples, 0)::bigint "
                + "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.relname = ? "
                + "AND n.nspname = coalesce(?, current_schema())")) {
            ps.setString(1, table);
            ps.setString(2, schema);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) : 0;
            }
        } catch (SQLException e) {
            return 0;
        }
    }

    private static Set<String> columnsOf(Connection c, String table) {
        Set<String> columns = new LinkedHashSet<>();
        try (PreparedStatement ps = c.prepareStatement(DatabaseObserver.TAG + "SELECT attname FROM pg_attribute "
                + "WHERE attrelid = to_regclass(?) AND attnum > 0 AND NOT attisdropped")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            return Set.of();
        }
        return columns;
    }
}
