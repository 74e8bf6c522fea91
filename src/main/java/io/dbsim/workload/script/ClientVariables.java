package io.dbsim.workload.script;

import java.util.function.Consumer;
import java.util.random.RandomGenerator;

/**
 * One client's variables, kept across executions as in pgbench. A slot holds a typed value (set by
 * \set or a built-in), or text (from -D, \gset or \aset) that is typed once when an expression
 * reads it and bound to SQL as the text itself.
 */
final class ClientVariables implements EvalContext {

    private final VariableLayout layout;
    private final Value[] values;
    private final String[] texts;
    private final RandomGenerator random;
    private final Consumer<String> debug;
    private final String scriptName;
    private int command;

    ClientVariables(VariableLayout layout, int clientId, RandomGenerator random, Consumer<String> debug, String scriptName) {
        this.layout = layout;
        this.values = layout.initialValues().clone();
        this.texts = layout.initialTexts().clone();
        this.random = random;
        this.debug = debug;
        this.scriptName = scriptName;
        if (layout.clientIdSlot() >= 0) {
            values[layout.clientIdSlot()] = new Value.Int(clientId);
        }
    }

    /** The command being run, for debug()'s output. */
    void running(int commandIndex) {
        command = commandIndex;
    }

    @Override
    public Value variable(int slot) {
        Value value = values[slot];
        if (value != null) {
            return value;
        }
        String text = texts[slot];
        if (text == null) {
            throw notSet(slot);
        }
        value = CText.variableValue(layout.names()[slot], text);
        values[slot] = value;
        return value;
    }

    @Override
    public RandomGenerator random() {
        return random;
    }

    @Override
    public void debug(Value value) {
        String shown = switch (value) {
            case Value.Null n -> "null";
            case Value.Bool b -> "boolean " + b.value();
            case Value.Int i -> "int " + i.value();
            case Value.Dbl d -> "double " + CText.formatDouble(d.value());
        };
        debug.accept("debug(script=" + scriptName + ",command=" + (command + 1) + "): " + shown);
    }

    void set(int slot, Value value) {
        values[slot] = value;
        texts[slot] = null;
    }

    void setText(int slot, String text) {
        texts[slot] = text;
        values[slot] = null;
    }

    /** The text pgbench would substitute: stored text as is, a typed value printed. */
    String text(int slot) {
        String text = texts[slot];
        return text != null ? text : CText.format(variable(slot));
    }

    /** Text stored by -D, \gset or \aset, or null when the slot holds a typed value. */
    String storedText(int slot) {
        String text = texts[slot];
        if (text == null && values[slot] == null) {
            throw notSet(slot);
        }
        return text;
    }

    VariableLayout layout() {
        return layout;
    }

    private EvalError notSet(int slot) {
        return new EvalError("variable :" + layout.names()[slot] + " is not set (the \\set, \\gset or \\aset that sets it has not run)");
    }
}
