package io.dbsim.workload.script;

/** The value of a pgbench expression: NULL, a boolean, a 64-bit integer or a double. */
sealed interface Value {

    Value NULL = new Null();
    Value TRUE = new Bool(true);
    Value FALSE = new Bool(false);

    static Value of(boolean value) {
        return value ? TRUE : FALSE;
    }

    /** The type name pgbench's messages use. */
    String typeName();

    record Null() implements Value {
        @Override
        public String typeName() {
            return "null";
        }
    }

    record Bool(boolean value) implements Value {
        @Override
        public String typeName() {
            return "boolean";
        }
    }

    record Int(long value) implements Value {
        @Override
        public String typeName() {
            return "int";
        }
    }

    record Dbl(double value) implements Value {
        @Override
        public String typeName() {
            return "double";
        }
    }
}
