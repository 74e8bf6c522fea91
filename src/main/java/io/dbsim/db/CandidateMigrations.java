package io.dbsim.db;

import io.dbsim.Text;
import io.dbsim.UsageException;
import org.flywaydb.core.api.MigrationVersion;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Flyway migrations under test in `dbsim ab` (state B), and how to take them back so A and B
 * runs can alternate. A migration is undone by its Flyway-style undo script {@code U<version>__*.sql}
 * when the folder has one; otherwise dbsim derives the undo for what it can invert exactly: created
 * indexes, tables, columns and constraints are dropped, and dropped indexes are created again from
 * their definition as read before the change. Anything else (data changes, type changes) cannot be
 * undone, and the experiment runs all A runs before all B runs. Statements with CASCADE, ALTER TABLE
 * with several actions, and constraints built on an existing index are refused rather than undone
 * approximately.
 */
public final class CandidateMigrations {

    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");
    private static final Pattern UNDO = Pattern.compile("U([0-9][0-9._]*)__.+\\.sql");
    private static final String NAME = "((?:\"[^\"]+\"|[\\w$]+)(?:\\.(?:\"[^\"]+\"|[\\w$]+))?)";
    private static final Pattern CREATE_INDEX = Pattern.compile(
            "create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s+on\\s.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_INDEX = Pattern.compile(
            "drop\\s+index\\s+(?:concurrently\\s+)?(?:if\\s+exists\\s+)?(.+?)(?:\\s+restrict)?",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    /** Words after ADD that start a table constraint, not a column. */
    private static final java.util.Set<String> CONSTRAINT_WORDS = java.util.Set.of("constraint", "primary", "unique", "check",
            "foreign", "exclude");
    private static final Pattern CREATE_TABLE = Pattern.compile(
            "create\\s+(?:unlogged\\s+)?table\\s+(?:if\\s+not\\s+exists\\s+)?" + NAME + "\\s*\\(.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_CONSTRAINT = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s+add\\s+constraint\\s+" + NAME + "\\s.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern ADD_COLUMN = Pattern.compile(
            "alter\\s+table\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + NAME + "\\s+add\\s+(?:column\\s+)?(?:if\\s+not\\s+exists\\s+)?"
                    + NAME + "\\s.*", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern NOTHING_TO_UNDO = Pattern.compile("(?:analyze|vacuum|comment\\s+on)\\b.*",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private final Map<String, Path> migrations;
    private final Map<String, Path> undoScripts;

    private CandidateMigrations(Map<String, Path> migrations, Map<String, Path> undoScripts) {
        this.migrations = migrations;
        this.undoScripts = undoScripts;
    }

    /** The folder's migrations; a folder without any is a usage error. */
    public static CandidateMigrations read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new UsageException("--candidate-migrations " + folder + " is not a folder: give the folder holding the "
                    + "Flyway migrations to test, e.g. schema/candidates");
        }
        java.util.Comparator<String> byVersion = java.util.Comparator.comparing(v -> MigrationVersion.fromVersion(v.replace('_', '.')));
        Map<String, Path> versioned = new TreeMap<>(byVersion);
        Map<String, Path> undo = new TreeMap<>(byVersion);
        try (Stream<Path> files = Files.list(folder)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                Matcher v = VERSIONED.matcher(f.getFileName().toString());
                Matcher u = UNDO.matcher(f.getFileName().toString());
                if (v.matches()) {
                    versioned.put(v.group(1), f);
                } else if (u.matches()) {
                    undo.put(u.group(1), f);
                }
            });
        } catch (IOException e) {
            throw new UsageException("cannot read " + folder + ": " + e.getMessage());
        }
        if (versioned.isEmpty()) {
            throw new UsageException(folder + " holds no Flyway migration (V<version>__<description>.sql): put the schema "
                    + "change to test there, e.g. V100__add_index.sql");
        }
        return new CandidateMigrations(versioned, undo);
    }

    /** The migration files' names, as Flyway records them in its history table's script column. */
    public List<String> scripts() {
        return migrations.values().stream().map(p -> p.getFileName().toString()).toList();
    }

    /**
     * How B is taken back to A: undo statements in the order to run them, or why it cannot be done, and the Flyway
     * history table the migrations are forgotten in. Read while the database is at A: a dropped index's definition is
     * taken from the database then.
     */
    public record Undo(List<String> statements, String impossibleBecause, String historyTable) {

        public boolean possible() {
            return impossibleBecause == null;
        }
    }

    /** @param historyTable the Flyway history table the migrations are applied with ({@link Migrator#historyTable()}) */
    public Undo undo(Connection atA, String historyTable) throws SQLException {
        List<String> all = new ArrayList<>();
        for (Map.Entry<String, Path> m : migrations.entrySet()) {
            List<String> forThis = new ArrayList<>();
            Path script = undoScripts.get(m.getKey());
            if (script != null) {
                forThis.add(text(script));
            } else {
                String sql = text(m.getValue());
                if (sql.contains("$$")) {
                    return new Undo(List.of(), m.getValue().getFileName() + " has dollar-quoted bodies, which dbsim does not undo "
                            + "by itself: add " + undoName(m.getValue()), historyTable);
                }
                for (String statement : statements(sql)) {
                    String undo = undoOf(statement, atA);
                    if (undo == null) {
                        return new Undo(List.of(), m.getValue().getFileName() + ": '" + Text.oneLine(statement, 80)
                                + "' has no exact undo dbsim can derive: add " + undoName(m.getValue()) + " to undo it", historyTable);
                    }
                    if (!undo.isEmpty()) {
                        forThis.add(0, undo);
                    }
                }
            }
            all.addAll(0, forThis);
        }
        return new Undo(List.copyOf(all), null, historyTable);
    }

    /**
     * Runs the undo statements and forgets the migrations in Flyway's history, so they apply again next
     * time; in one transaction (PostgreSQL's DDL is transactional), so it happens whole or not at all.
     */
    public void takeBack(Connection c, Undo undo) throws SQLException {
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement();
             PreparedStatement forget = c.prepareStatement("DELETE FROM " + undo.historyTable() + " WHERE script = ANY (?)")) {
            for (String statement : undo.statements()) {
                s.execute(statement);
            }
            forget.setArray(1, c.createArrayOf("text", scripts().toArray()));
            forget.executeUpdate();
            c.commit();
        } catch (SQLException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
    }

    /** Whether any of the migrations is applied already (a database left at B); not when no migration was ever recorded. */
    public boolean appliedIn(Connection c, String historyTable) throws SQLException {
        if (!exists(c, historyTable)) {
            return false;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + historyTable + " WHERE script = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", scripts().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }

    /**
     * The undo of one statement; empty when there is nothing to undo, null when dbsim cannot derive it
     * exactly. What already exists at A is never dropped: a CREATE ... IF NOT EXISTS of it changes nothing.
     */
    static String undoOf(String statement, Connection atA) throws SQLException {
        Matcher m;
        if (statement.toLowerCase(java.util.Locale.ROOT).matches("(?s).*\\b(cascade|using\\s+index)\\b.*")) {
            return null;
        }
        if ((m = CREATE_INDEX.matcher(statement)).matches()) {
            return exists(atA, m.group(1)) ? "" : "DROP INDEX IF EXISTS " + m.group(1);
        }
        if ((m = DROP_INDEX.matcher(statement)).matches()) {
            List<String> recreate = new ArrayList<>();
            for (String name : m.group(1).split(",")) {
                String definition = indexDefinition(atA, name.trim());
                if (definition != null) {
                    recreate.add(definition);
                }
            }
            return String.join(";\n", recreate);
        }
        if ((m = CREATE_TABLE.matcher(statement)).matches()) {
            return exists(atA, m.group(1)) ? "" : "DROP TABLE IF EXISTS " + m.group(1);
        }
        boolean oneAction = !hasTopLevelComma(statement);
        if ((m = ADD_CONSTRAINT.matcher(statement)).matches() && oneAction) {
            return constraintExists(atA, m.group(1), m.group(2)) ? ""
                    : "ALTER TABLE " + m.group(1) + " DROP CONSTRAINT IF EXISTS " + m.group(2);
        }
        if ((m = ADD_COLUMN.matcher(statement)).matches() && oneAction
                && !CONSTRAINT_WORDS.contains(m.group(2).toLowerCase(java.util.Locale.ROOT))) {
            return columnExists(atA, m.group(1), m.group(2)) ? ""
                    : "ALTER TABLE " + m.group(1) + " DROP COLUMN IF EXISTS " + m.group(2);
        }
        if (NOTHING_TO_UNDO.matcher(statement).matches()) {
            return "";
        }
        return null;
    }

    /** ALTER TABLE with several actions (a comma outside parentheses) is more than dbsim undoes by itself. */
    private static boolean hasTopLevelComma(String statement) {
        int depth = 0;
        for (char ch : statement.toCharArray()) {
            if (ch == '(') {
                depth++;
            } else if (ch == ')') {
                depth--;
            } else if (ch == ',' && depth == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean exists(Connection c, String relation) throws SQLException {
        return ask(c, "SELECT to_regclass(?) IS NOT NULL", relation);
    }

    private static boolean columnExists(Connection c, String table, String column) throws SQLException {
        return ask(c, "SELECT EXISTS (SELECT 1 FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? "
                + "AND attnum > 0 AND NOT attisdropped)", table, unquote(column));
    }

    private static boolean constraintExists(Connection c, String table, String constraint) throws SQLException {
        return ask(c, "SELECT EXISTS (SELECT 1 FROM pg_constraint WHERE conrelid = to_regclass(?) AND conname = ?)",
                table, unquote(constraint));
    }

    /** A name as the catalog stores it: quoted names keep their case, others are folded to lower case. */
    private static String unquote(String name) {
        return name.startsWith("\"") ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
                : name.toLowerCase(java.util.Locale.ROOT);
    }

    private static boolean ask(Connection c, String sql, String... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                ps.setString(i + 1, values[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private static String indexDefinition(Connection c, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT pg_get_indexdef(to_regclass(?))")) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    /** The statements of a migration, comments removed; enough for the DDL dbsim undoes by itself. */
    static List<String> statements(String sql) {
        String plain = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("--[^\\n]*", " ");
        List<String> out = new ArrayList<>();
        for (String part : plain.split(";")) {
            String s = part.strip();
            if (!s.isEmpty()) {
                out.add(s);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static String undoName(Path migration) {
        return "U" + migration.getFileName().toString().substring(1);
    }

    private static String text(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }
}
