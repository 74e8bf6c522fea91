package io.dbsim.workload.script;

import java.util.Map;

/**
 * Where each variable of a script lives in a client's arrays, and what every client starts with:
 * -D values as text (typed when an expression reads them, as pgbench does), built-ins as integers.
 *
 * @param clientIdSlot the slot :client_id fills with each client's number, -1 when unused or given by -D
 * @param slots        name to slot, for storing \gset and \aset columns
 */
record VariableLayout(String[] names, Value[] initialValues, String[] initialTexts, int clientIdSlot, Map<String, Integer> slots) {

    int slotOf(String name) {
        Integer slot = slots.get(name);
        return slot == null ? -1 : slot;
    }
}
