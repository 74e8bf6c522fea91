package io.dbsim.workload;

import io.dbsim.UsageException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Every operation dbsim can simulate, by name. */
public final class Operations {

    private record Definition(String name, OperationKind kind, boolean explicitTransaction, JdbcWork.Body body) {
    }

    /** Numbered by position: the index is where each operation's metrics live, looked up without a map. */
    public static final List<Operation> ALL = numbered(List.of(
            new Definition("read_member_list", OperationKind.READ, false, MemberOperations::readMemberList),
            new Definition("read_member_detail", OperationKind.READ, true, MemberOperations::readMemberDetail),
            new Definition("search_members", OperationKind.READ, false, MemberOperations::searchMembers),
            new Definition("list_organizations", OperationKind.READ, false, EmploymentOperations::listOrganizations),
            new Definition("list_students", OperationKind.READ, false, MemberOperations::listStudents),
            new Definition("create_member", OperationKind.WRITE, true, MemberOperations::createMember),
            new Definition("update_member", OperationKind.WRITE, true, MemberOperations::updateMember),
            new Definition("create_employment", OperationKind.WRITE, true, EmploymentOperations::createEmployment),
            new Definition("update_employment_status", OperationKind.WRITE, true, EmploymentOperations::updateEmploymentStatus),
            new Definition("create_organization_contact", OperationKind.WRITE, true, EmploymentOperations::createOrganizationContact),
            new Definition("list_file_attachments", OperationKind.FILE, false, FileOperations::listFileAttachments),
            new Definition("create_file_attachment", OperationKind.FILE, true, FileOperations::createFileAttachment),
            new Definition("read_file_metadata", OperationKind.FILE, false, FileOperations::readFileMetadata),
            new Definition("pk_lookup", OperationKind.READ, false, MemberOperations::pkLookup)));

    private static List<Operation> numbered(List<Definition> definitions) {
        return IntStream.range(0, definitions.size()).mapToObj(i -> {
            Definition d = definitions.get(i);
            return new Operation(i, d.name(), d.kind(), new JdbcWork(d.explicitTransaction(), d.body()));
        }).toList();
    }

    private static final Map<String, Operation> BY_NAME =
            ALL.stream().collect(Collectors.toMap(Operation::name, Function.identity()));

    private Operations() {
    }

    public static Operation named(String name) {
        Operation op = BY_NAME.get(name);
        if (op == null) {
            throw new UsageException("unknown operation '" + name + "': known operations are "
                    + ALL.stream().map(Operation::name).collect(Collectors.joining(", ")));
        }
        return op;
    }
}
