package io.dbsim.workload.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * A script's text with the name its messages use and its weight among several scripts, from a
 * pgbench-style spec: {@code file.sql@8} for a file (-f), {@code tpcb-like@2} for a built-in (-b);
 * without {@code @weight} the weight is 1.
 */
public record ScriptSource(String name, String text, int weight) {

    public ScriptSource {
        if (weight < 0) {
            throw ScriptError.of(name, "weight " + weight + " is negative", "give a weight from 0 to " + Integer.MAX_VALUE);
        }
    }

    /** -f: a script file, {@code path[@weight]}; read here, so a missing file is reported before any connection. */
    public static ScriptSource file(String spec) {
        Spec parsed = Spec.of(spec);
        try {
            return new ScriptSource(parsed.name(), Files.readString(Path.of(parsed.name()), StandardCharsets.UTF_8), parsed.weight());
        } catch (NoSuchFileException e) {
            throw ScriptError.of(parsed.name(), "there is no such script file", "give the path of a pgbench script file");
        } catch (IOException e) {
            throw ScriptError.of(parsed.name(), "cannot read the script file (" + e + ")", "give the path of a readable UTF-8 text file");
        }
    }

    /** -b: a built-in script, {@code name[@weight]}, the name or an unambiguous prefix of tpcb-like, simple-update, select-only. */
    public static ScriptSource builtin(String spec) {
        Spec parsed = Spec.of(spec);
        BuiltinScripts.Builtin builtin = BuiltinScripts.find(parsed.name());
        return new ScriptSource(builtin.name(), builtin.text(), parsed.weight());
    }

    /** A script given as text, e.g. from a scenario file. */
    public static ScriptSource text(String name, String text) {
        return new ScriptSource(name, text, 1);
    }

    private record Spec(String name, int weight) {

        private static final Pattern WEIGHT = Pattern.compile("\\+?0*[0-9]{1,10}");

        /** pgbench's parseScriptWeight: the last @ separates the weight, a whole number from 0 to INT_MAX. */
        static Spec of(String spec) {
            int at = spec.lastIndexOf('@');
            if (at < 0) {
                return new Spec(spec, 1);
            }
            String name = spec.substring(0, at);
            String weight = spec.substring(at + 1);
            if (!WEIGHT.matcher(weight).matches() || Long.parseLong(weight.replace("+", "")) > Integer.MAX_VALUE) {
                throw ScriptError.of(spec, "invalid weight \"" + weight + "\"",
                        "write a whole number from 0 to " + Integer.MAX_VALUE + " after the @, e.g. " + name + "@8");
            }
            return new Spec(name, Integer.parseInt(weight.replace("+", "")));
        }
    }
}
