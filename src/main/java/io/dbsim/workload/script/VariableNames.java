package io.dbsim.workload.script;

/** pgbench's rule for a variable's name: letters (any non-ASCII too), digits and _, not starting with a digit. */
final class VariableNames {

    private VariableNames() {
    }

    static boolean isValid(String name) {
        if (name.isEmpty() || isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
