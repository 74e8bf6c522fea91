package io.dbsim.db;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** One table in a snapshot: where its copy is, the columns it was taken with, its rows and its fingerprint. */
record SnapshotEntry(TableName table, String copyName, List<TableColumn> columns, long rows, TableFingerprint fingerprint) {

    private static final int MAX_IDENTIFIER_BYTES = 63;

    SnapshotEntry {
        columns = List.copyOf(columns);
    }

    TableName copy() {
        return new TableName(DataSnapshot.SCHEMA, copyName);
    }

    /** The columns whose values the copy holds, quoted and comma-separated, in the table's order. */
    String copiedColumns() {
        return copiedColumns(columns);
    }

    static String copiedColumns(List<TableColumn> columns) {
        return String.join(", ", columns.stream().filter(TableColumn::copied).map(c -> TableName.quote(c.name())).toList());
    }

    /**
     * Each table's copy is named as the table, so that psql and pg_stat_user_tables show dbsim_snapshot.members; a
     * name that two snapshotted schemas share, or that the snapshot's own tables use, is written "schema.table",
     * ending in a hash when that is too long for an identifier.
     */
    static Map<TableName, String> copyNames(List<TableName> tables) {
        Map<String, Long> uses = tables.stream().collect(Collectors.groupingBy(TableName::name, Collectors.counting()));
        Map<TableName, String> names = new LinkedHashMap<>();
        for (TableName table : tables) {
            boolean plain = uses.get(table.name()) == 1 && !SnapshotManifest.OWN_TABLES.contains(table.name());
            names.put(table, plain ? table.name() : qualifiedName(table));
        }
        return names;
    }

    private static String qualifiedName(TableName table) {
        String name = table.schema() + "." + table.name();
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        String hash = HexFormat.of().formatHex(md5(bytes), 0, 4);
        String prefix = new String(bytes, 0, MAX_IDENTIFIER_BYTES - 9, StandardCharsets.UTF_8).replace("\uFFFD", "");
        return prefix + "#" + hash;
    }

    private static byte[] md5(byte[] bytes) {
        try {
            return MessageDigest.getInstance("MD5").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has MD5", e);
        }
    }
}
