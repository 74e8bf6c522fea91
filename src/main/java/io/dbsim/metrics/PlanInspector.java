package io.dbsim.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
 * scans that read a whole table to keep a small share of it: where an index on the filtered
 * columns would serve the statement.
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
    }

    private PlanInspector() {
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
            JsonNode plan;
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery(DatabaseObserver.TAG + "EXPLAIN (FORMAT JSON) " + st.example())) {
                rs.next();
                plan = JSON.readTree(rs.getString(1)).path(0).path("Plan");
            } catch (SQLException | java.io.IOException e) {
                continue;
            }
            List<JsonNode> scans = new ArrayList<>();
            collectSeqScans(plan, scans);
            for (JsonNode scan : scans) {
                String table = scan.path("Relation Name").asText();
                String filter = scan.path("Filter").asText();
                long planRows = scan.path("Plan Rows").asLong();
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
        }
        return found;
    }

    private static void collectSeqScans(JsonNode node, List<JsonNode> into) {
        if ("Seq Scan".equals(node.path("Node Type").asText())) {
            into.add(node);
        }
        for (JsonNode child : node.path("Plans")) {
            collectSeqScans(child, into);
        }
    }

    private static boolean comparedForEquality(String filter, String column) {
        return Pattern.compile("\\(?" + column + "\\)?(::[a-z ]+)?\\s*=\\s").matcher(filter).find();
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
