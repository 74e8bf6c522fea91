package io.dbsim.workload;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.Query;
import org.jooq.SQLDialect;
import org.jooq.conf.Settings;
import org.jooq.impl.DSL;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every distinct SQL text the run's operations sent, with the operation that sent it first, so
 * pg_stat_statements rows can be named after dbsim's operations and our statements EXPLAINed.
 * Recording is one map lookup per statement; the example is rendered only the first time.
 */
public final class StatementCatalog {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\d+|\\?");
    private static final Pattern LITERAL = Pattern.compile("'(?:[^']|'')*'|\\b\\d+(?:\\.\\d+)?\\b");
    private static final Pattern SPACE = Pattern.compile("\\s+");
    private static final Pattern TRAILING_SEMICOLONS = Pattern.compile("[\\s;]+$");
    private static final Settings INLINE = new Settings().withRenderSchema(false);

    private final Map<String, CapturedStatement> bySql = new ConcurrentHashMap<>();
    private final Map<String, String> operationByShape = new ConcurrentHashMap<>();

    void record(String sql, String operation, Query query) {
        if (sql == null || bySql.containsKey(sql)) {
            return;
        }
        record(sql, operation, query == null ? sql : DSL.using(SQLDialect.POSTGRES, INLINE).renderInlined(query));
    }

    /** SQL given as text (a script's, a workload file's), with its first values written into {@code example}. */
    public void record(String sql, String operation, String example) {
        if (bySql.putIfAbsent(sql, new CapturedStatement(operation, sql, example)) == null) {
            operationByShape.putIfAbsent(shape(sql), operation);
        }
    }

    public List<CapturedStatement> statements() {
        return List.copyOf(bySql.values());
    }

    /** The operation whose SQL pg_stat_statements shows as {@code normalizedQuery}, if the SQL is ours. */
    public Optional<String> operationOf(String normalizedQuery) {
        return Optional.ofNullable(operationByShape.get(shape(normalizedQuery)));
    }

    /**
     * Placeholders and constants made alike, as pg_stat_statements normalizes them, spacing ignored, and a closing
     * semicolon, which a script's SQL has and pg_stat_statements leaves out.
     */
    public static String shape(String sql) {
        String s = PLACEHOLDER.matcher(sql).replaceAll("?");
        s = LITERAL.matcher(s).replaceAll("?");
        s = SPACE.matcher(s).replaceAll(" ").trim().toLowerCase(java.util.Locale.ROOT);
        return TRAILING_SEMICOLONS.matcher(s).replaceAll("");
    }

    /** One per user's jOOQ context: knows which operation the user is running. */
    static final class Recorder implements ExecuteListener {

        private final StatementCatalog catalog;
        private String operation;

        Recorder(StatementCatalog catalog) {
            this.catalog = catalog;
        }

        void operation(String name) {
            operation = name;
        }

        @Override
        public void executeEnd(ExecuteContext ctx) {
            catalog.record(ctx.sql(), operation, ctx.query());
        }
    }
}
