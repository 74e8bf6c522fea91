package io.dbsim.workload.script;

/**
 * One precompiled instruction of a script. Conditionals are compiled into conditional and
 * unconditional jumps, so executing a script is a loop over an array with a program counter.
 */
sealed interface Step {

    /** The index in {@link Script#commands()} this step runs, for timing; -1 for a jump added by the compiler. */
    int commandIndex();

    /** What a SQL command does with its result rows. */
    enum Store { NONE, GSET, ASET }

    /**
     * @param paramSlots   the variable slot of each bind parameter, in order
     * @param releaseAfter true when no SQL command can run after this one, so the connection goes back right away
     */
    record Sql(int commandIndex, String jdbcSql, int[] paramSlots, Store store, String prefix, boolean releaseAfter)
            implements Step {
    }

    record Set(int commandIndex, int slot, Expr expr) implements Step {
    }

    /** {@code \sleep}: {@code amount} units, or the value of {@code slot} (when not -1) in units. */
    record Sleep(int commandIndex, long amount, int slot, long unitMicros) implements Step {
    }

    /** {@code \if} or {@code \elif}: go on when the condition is true, else continue at {@code falseTarget}. */
    record Branch(int commandIndex, Expr condition, int falseTarget) implements Step {
        Branch withFalseTarget(int target) {
            return new Branch(commandIndex, condition, target);
        }
    }

    /** The end of a taken branch, at an {@code \elif} or {@code \else}: continue after the {@code \endif}. */
    record Jump(int target) implements Step {
        @Override
        public int commandIndex() {
            return -1;
        }
    }
}
