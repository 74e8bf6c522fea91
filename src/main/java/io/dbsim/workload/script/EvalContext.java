package io.dbsim.workload.script;

import java.util.random.RandomGenerator;

/** What an expression reads while it is evaluated: one client's variables and random stream. */
interface EvalContext {

    /** The variable in this slot as a value; an {@link EvalError} when it is not set or not a number. */
    Value variable(int slot);

    RandomGenerator random();

    /** debug(): shows the value the way pgbench prints it to stderr. */
    void debug(Value value);
}
