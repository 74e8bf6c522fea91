package io.dbsim.workload.script;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Reads a pgbench script once, checks everything that can be checked without a database, and
 * compiles it into {@link Step}s: variables resolved to slots, SQL rewritten for JDBC, \if blocks
 * turned into jumps. Every mistake is a {@link ScriptError} naming file:line.
 */
public final class ScriptParser {

    private final ScriptSource source;
    private final ScriptVariables variables;
    private final List<ScriptCommand> commands = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private final Deque<OpenIf> openIfs = new ArrayDeque<>();
    /** The step of the SQL command a \gset or \aset on the next line would store from, -1 when there is none. */
    private int resultsTarget = -1;

    /** An \if whose \endif is still to come: its line, where its last failed test goes, the jumps to its end. */
    private static final class OpenIf {
        final int line;
        final List<Integer> jumpsToEnd = new ArrayList<>();
        int pendingBranch;
        boolean elseSeen;

        OpenIf(int line, int pendingBranch) {
            this.line = line;
            this.pendingBranch = pendingBranch;
        }
    }

    private ScriptParser(ScriptSource source, Defines defines) {
        this.source = source;
        this.variables = new ScriptVariables(defines);
    }

    public static Script parse(ScriptSource source, Defines defines) {
        ScriptParser parser = new ScriptParser(source, defines);
        for (ScriptScanner.Piece piece : ScriptScanner.scan(source.name(), source.text())) {
            try {
                switch (piece) {
                    case ScriptScanner.Sql sql -> parser.sql(sql);
                    case ScriptScanner.Meta meta -> parser.meta(meta);
                }
            } catch (ParseProblem problem) {
                throw parser.error(piece, problem);
            }
        }
        return parser.finish();
    }

    private void sql(ScriptScanner.Sql sql) {
        int[] slots = new int[sql.references().size()];
        for (int i = 0; i < slots.length; i++) {
            ScriptScanner.Reference reference = sql.references().get(i);
            slots[i] = variables.read(reference.name());
            if (slots[i] < 0) {
                throw ScriptError.at(source.name(), reference.line(), "variable :" + reference.name() + " is never set before it is used",
                        setItHint(reference.name()) + " (or write \": " + reference.name() + "\" if this colon is not a variable)");
            }
        }
        int index = addCommand(sql.line(), true, firstLine(sql.text()));
        steps.add(new Step.Sql(index, sql.jdbcSql(), slots, Step.Store.NONE, "", false));
    }

    private void meta(ScriptScanner.Meta meta) {
        MetaWords words = MetaWords.of(meta.text());
        if (words.size() == 0 || words.word(0).text().length() == 1) {
            return;
        }
        String command = words.command();
        switch (command) {
            case "set" -> set(meta, words);
            case "sleep" -> sleep(meta, words);
            case "gset", "aset" -> storeResults(words, command.equals("gset") ? Step.Store.GSET : Step.Store.ASET);
            case "if" -> openIf(meta, words);
            case "elif" -> elif(meta, words);
            case "else" -> otherwise(meta, words);
            case "endif" -> endIf(meta, words);
            case "shell", "setshell" -> throw new ParseProblem(0, "\\" + command + " runs a program, which dbsim does not do",
                    "remove it; compute values with \\set or read them from the database with \\gset");
            case "startpipeline", "syncpipeline", "endpipeline" -> throw new ParseProblem(0, "pipeline mode is not supported",
                    "remove \\startpipeline, \\syncpipeline and \\endpipeline; dbsim sends the commands one after another");
            default -> throw new ParseProblem(words.word(0).column(), "unknown meta command \\" + command,
                    "write one of \\set, \\sleep, \\gset, \\aset, \\if, \\elif, \\else, \\endif");
        }
    }

    private void set(ScriptScanner.Meta meta, MetaWords words) {
        if (words.size() < 2) {
            throw new ParseProblem(0, "\\set needs a variable name and an expression", "write \\set name expression");
        }
        MetaWords.Word name = words.word(1);
        if (!VariableNames.isValid(name.text())) {
            throw new ParseProblem(name.column(), "invalid variable name \"" + name.text() + "\"",
                    "use letters, digits and _, not starting with a digit");
        }
        Expr expr = ExprParser.parse(words.restAfter(1), name.end(), this::readInExpression);
        int index = addCommand(meta.line(), false, meta.text());
        steps.add(new Step.Set(index, variables.write(name.text()), expr));
    }

    /** pgbench's \sleep: a whole number or :variable, then us, ms or s (seconds when left out; "10ms" is split). */
    private void sleep(ScriptScanner.Meta meta, MetaWords words) {
        if (words.size() < 2) {
            throw new ParseProblem(0, "\\sleep needs a duration", "write \\sleep 10 ms, \\sleep 1 s or \\sleep :delay us");
        }
        if (words.size() > 3) {
            throw new ParseProblem(words.word(3).column(), "\\sleep takes a duration and a unit, not more",
                    "write \\sleep 10 ms");
        }
        MetaWords.Word duration = words.word(1);
        String unit = words.size() == 3 ? words.word(2).text() : null;
        int unitColumn = words.size() == 3 ? words.word(2).column() : 0;
        long amount = 0;
        int slot = -1;
        if (duration.text().startsWith(":")) {
            slot = readInExpression(duration.text().substring(1), duration.column());
        } else {
            String text = duration.text();
            int digits = text.startsWith("+") || text.startsWith("-") ? 1 : 0;
            int end = digits;
            while (end < text.length() && text.charAt(end) >= '0' && text.charAt(end) <= '9') {
                end++;
            }
            if (end < text.length()) {
                if (unit == null && end > digits) {
                    unit = text.substring(end);
                    unitColumn = duration.column() + end;
                } else {
                    throw new ParseProblem(duration.column(), "invalid \\sleep time \"" + text + "\": it must be a whole number",
                            "write a whole number or a :variable, e.g. \\sleep 1500 us");
                }
            }
            amount = CText.atoi(text);
        }
        long unitMicros = unit == null ? 1_000_000 : switch (unit.toLowerCase(Locale.ROOT)) {
            case "us" -> 1;
            case "ms" -> 1_000;
            case "s" -> 1_000_000;
            default -> throw new ParseProblem(unitColumn, "unknown \\sleep unit \"" + unit + "\"", "write us, ms or s");
        };
        int index = addCommand(meta.line(), false, meta.text());
        steps.add(new Step.Sleep(index, amount, slot, unitMicros));
    }

    private void storeResults(MetaWords words, Step.Store store) {
        String name = "\\" + words.command();
        if (words.size() > 2) {
            throw new ParseProblem(words.word(2).column(), name + " takes at most a prefix", "write " + name + " or " + name + " prefix_");
        }
        String prefix = words.size() == 2 ? words.word(1).text() : "";
        if (!prefix.isEmpty() && !VariableNames.isValid(prefix)) {
            throw new ParseProblem(words.word(1).column(), "invalid " + name + " prefix \"" + prefix + "\"",
                    "use letters, digits and _, not starting with a digit");
        }
        if (resultsTarget < 0) {
            throw new ParseProblem(0, name + " must follow an SQL command",
                    "put it right after the query whose row it stores, on the same line or the next");
        }
        Step.Sql query = (Step.Sql) steps.get(resultsTarget);
        steps.set(resultsTarget, new Step.Sql(query.commandIndex(), query.jdbcSql(), query.paramSlots(), store, prefix, false));
        resultsTarget = -1;
        variables.resultsStoredWith(prefix);
    }

    private void openIf(ScriptScanner.Meta meta, MetaWords words) {
        Expr condition = ExprParser.parse(words.restAfter(0), words.word(0).end(), this::readInExpression);
        int index = addCommand(meta.line(), false, meta.text());
        steps.add(new Step.Branch(index, condition, -1));
        openIfs.push(new OpenIf(meta.line(), steps.size() - 1));
    }

    private void elif(ScriptScanner.Meta meta, MetaWords words) {
        OpenIf open = openIfs.peek();
        if (open == null) {
            throw new ParseProblem(0, "\\elif without a matching \\if", "add the \\if it continues, or remove it");
        }
        if (open.elseSeen) {
            throw new ParseProblem(0, "\\elif after \\else", "move this \\elif before the \\else");
        }
        Expr condition = ExprParser.parse(words.restAfter(0), words.word(0).end(), this::readInExpression);
        int index = addCommand(meta.line(), false, meta.text());
        open.jumpsToEnd.add(steps.size());
        steps.add(new Step.Jump(-1));
        patchBranch(open.pendingBranch, steps.size());
        steps.add(new Step.Branch(index, condition, -1));
        open.pendingBranch = steps.size() - 1;
    }

    private void otherwise(ScriptScanner.Meta meta, MetaWords words) {
        noArguments(words);
        OpenIf open = openIfs.peek();
        if (open == null) {
            throw new ParseProblem(0, "\\else without a matching \\if", "add the \\if it belongs to, or remove it");
        }
        if (open.elseSeen) {
            throw new ParseProblem(0, "\\else after \\else", "keep one \\else per \\if and write the other branches as \\elif");
        }
        open.elseSeen = true;
        addCommand(meta.line(), false, meta.text());
        open.jumpsToEnd.add(steps.size());
        steps.add(new Step.Jump(-1));
        patchBranch(open.pendingBranch, steps.size());
        open.pendingBranch = -1;
    }

    private void endIf(ScriptScanner.Meta meta, MetaWords words) {
        noArguments(words);
        OpenIf open = openIfs.poll();
        if (open == null) {
            throw new ParseProblem(0, "\\endif without a matching \\if", "remove it, or add the \\if it closes");
        }
        addCommand(meta.line(), false, meta.text());
        int end = steps.size();
        if (open.pendingBranch >= 0) {
            patchBranch(open.pendingBranch, end);
        }
        for (int jump : open.jumpsToEnd) {
            steps.set(jump, new Step.Jump(end));
        }
    }

    private Script finish() {
        if (!openIfs.isEmpty()) {
            throw ScriptError.at(source.name(), openIfs.peek().line, "\\if without a matching \\endif", "add \\endif where its block ends");
        }
        if (commands.isEmpty()) {
            throw ScriptError.of(source.name(), "the script has no commands", "write at least one SQL command or meta command");
        }
        Step[] compiled = steps.toArray(Step[]::new);
        markReleases(compiled);
        int sqlCount = (int) commands.stream().filter(ScriptCommand::sql).count();
        return new Script(source.name(), source.weight(), List.copyOf(commands), sqlCount, compiled, variables.layout());
    }

    /** A SQL step gives the connection back when no path from it reaches another SQL step (all jumps go forward). */
    private static void markReleases(Step[] compiled) {
        boolean[] sqlAhead = new boolean[compiled.length + 1];
        for (int i = compiled.length - 1; i >= 0; i--) {
            boolean ahead = switch (compiled[i]) {
                case Step.Jump jump -> reachesSql(compiled, sqlAhead, jump.target());
                case Step.Branch branch -> reachesSql(compiled, sqlAhead, i + 1) || reachesSql(compiled, sqlAhead, branch.falseTarget());
                default -> reachesSql(compiled, sqlAhead, i + 1);
            };
            sqlAhead[i] = ahead;
            if (compiled[i] instanceof Step.Sql sql && !ahead) {
                compiled[i] = new Step.Sql(sql.commandIndex(), sql.jdbcSql(), sql.paramSlots(), sql.store(), sql.prefix(), true);
            }
        }
    }

    private static boolean reachesSql(Step[] compiled, boolean[] sqlAhead, int index) {
        return index < compiled.length && (compiled[index] instanceof Step.Sql || sqlAhead[index]);
    }

    private int readInExpression(String name, int column) {
        int slot = variables.read(name);
        if (slot < 0) {
            throw new ParseProblem(column, "variable :" + name + " is never set before it is used", setItHint(name));
        }
        return slot;
    }

    private static String setItHint(String name) {
        return "set it earlier with \\set " + name + " ... or \\gset, or define it with -D " + name + "=VALUE";
    }

    private void patchBranch(int branchStep, int target) {
        steps.set(branchStep, ((Step.Branch) steps.get(branchStep)).withFalseTarget(target));
    }

    private int addCommand(int line, boolean sql, String text) {
        resultsTarget = sql ? steps.size() : -1;
        int index = commands.size();
        commands.add(new ScriptCommand(index, line, sql, text));
        return index;
    }

    private static void noArguments(MetaWords words) {
        if (words.size() > 1) {
            throw new ParseProblem(words.word(1).column(), "\\" + words.command() + " takes no argument", "write \\" + words.command() + " alone on its line");
        }
    }

    private static String firstLine(String text) {
        int end = 0;
        while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
            end++;
        }
        return text.substring(0, end);
    }

    private ScriptError error(ScriptScanner.Piece piece, ParseProblem problem) {
        String where = problem.column > 0 ? " (column " + problem.column + ")" : "";
        return ScriptError.at(source.name(), piece.line(), problem.getMessage() + where, problem.fix);
    }
}
