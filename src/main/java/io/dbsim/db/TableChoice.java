package io.dbsim.db;

import io.dbsim.UsageException;

import java.util.HashSet;
import java.util.List;

/**
 * Which tables a snapshot holds: by default every ordinary table of the search_path schemas except dbsim's own
 * bookkeeping; or the tables named, as written in SQL (optionally schema-qualified).
 */
public record TableChoice(List<String> names) {

    public TableChoice {
        names = List.copyOf(names);
        if (names.stream().anyMatch(String::isBlank)) {
            throw new UsageException("--tables has an empty name: write table names separated by commas, "
                    + "e.g. --tables members,students");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new UsageException("--tables names a table twice: name each table once");
        }
    }

    public static TableChoice defaults() {
        return new TableChoice(List.of());
    }

    public boolean explicit() {
        return !names.isEmpty();
    }
}
