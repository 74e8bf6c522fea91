package io.dbsim.db;

/** A table or sequence by schema and name: quoted for SQL, so mixed case and odd characters are named exactly. */
public record TableName(String schema, String name) {

    public String sql() {
        return quote(schema) + "." + quote(name);
    }

    /** As a DBA writes it: without the schema when it is public. */
    @Override
    public String toString() {
        return "public".equals(schema) ? name : schema + "." + name;
    }

    static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
