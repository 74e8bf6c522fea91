package io.dbsim.seed;

import java.util.List;

/** The application's tables, parents before children. */
public final class DomainTables {

    public static final List<String> ALL = List.of(
            "organizations", "organization_contacts", "members", "member_employments", "students", "file_attachments");

    private DomainTables() {
    }
}
