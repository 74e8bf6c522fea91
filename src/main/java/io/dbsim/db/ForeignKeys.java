package io.dbsim.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The foreign keys between the database's tables: parents are loaded before their children, and TRUNCATE
 * empties a table only together with every table that references it.
 */
record ForeignKeys(List<Reference> references) {

    record Reference(TableName child, TableName parent) {
    }

    static ForeignKeys read(Connection c) throws SQLException {
        List<Reference> references = new ArrayList<>();
        // Partition clones (conparentid <> 0) repeat their parent's key: the parent's row says it once.
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT cn.nspname, ch.relname, pn.nspname, pa.relname FROM pg_constraint con "
                        + "JOIN pg_class ch ON ch.oid = con.conrelid JOIN pg_namespace cn ON cn.oid = ch.relnamespace "
                        + "JOIN pg_class pa ON pa.oid = con.confrelid JOIN pg_namespace pn ON pn.oid = pa.relnamespace "
                        + "WHERE con.contype = 'f' AND con.conparentid = 0")) {
            while (rs.next()) {
                references.add(new Reference(new TableName(rs.getString(1), rs.getString(2)),
                        new TableName(rs.getString(3), rs.getString(4))));
            }
        }
        return new ForeignKeys(List.copyOf(references));
    }

    /** The tables in an order that loads every parent before its children; tables in a cycle keep their given order. */
    List<TableName> parentsFirst(Collection<TableName> tables) {
        List<TableName> ordered = new ArrayList<>();
        Set<TableName> left = new LinkedHashSet<>(tables);
        while (!left.isEmpty()) {
            TableName next = left.stream().filter(t -> parentsOf(t).stream().noneMatch(p -> left.contains(p) && !p.equals(t)))
                    .findFirst().orElse(left.iterator().next());
            ordered.add(next);
            left.remove(next);
        }
        return ordered;
    }

    /** The tables with every table among {@code within} that references one of them, directly or further down. */
    Set<TableName> withReferencing(Collection<TableName> tables, Collection<TableName> within) {
        Set<TableName> closed = new LinkedHashSet<>(tables);
        boolean grew = true;
        while (grew) {
            grew = false;
            for (Reference r : references) {
                if (closed.contains(r.parent()) && within.contains(r.child()) && closed.add(r.child())) {
                    grew = true;
                }
            }
        }
        return closed;
    }

    /** Keys from tables outside {@code tables} to tables inside: they keep TRUNCATE from emptying the inside ones. */
    List<Reference> fromOutside(Collection<TableName> tables) {
        return references.stream().filter(r -> tables.contains(r.parent()) && !tables.contains(r.child())).toList();
    }

    private List<TableName> parentsOf(TableName child) {
        return references.stream().filter(r -> r.child().equals(child)).map(Reference::parent).toList();
    }
}
