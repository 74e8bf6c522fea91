package io.dbsim.workload;

import io.dbsim.UsageException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every operation dbsim can simulate, by name. */
public final class Operations {

    public static final List<Operation> ALL = List.of(
            new Operation(0, "read_member_list", OperationKind.READ, false, MemberOperations::readMemberList),
            new Operation(1, "read_member_detail", OperationKind.READ, true, MemberOperations::readMemberDetail),
            new Operation(2, "search_members", OperationKind.READ, false, MemberOperations::searchMembers),
            new Operation(3, "list_organizations", OperationKind.READ, false, EmploymentOperations::listOrganizations),
            new Operation(4, "list_students", OperationKind.READ, false, MemberOperations::listStudents),
            new Operation(5, "create_member", OperationKind.WRITE, true, MemberOperations::createMember),
            new Operation(6, "update_member", OperationKind.WRITE, true, MemberOperations::updateMember),
            new Operation(7, "create_employment", OperationKind.WRITE, true, EmploymentOperations::createEmployment),
            new Operation(8, "update_employment_status", OperationKind.WRITE, true, EmploymentOperations::updateEmploymentStatus),
            new Operation(9, "create_organization_contact", OperationKind.WRITE, true, EmploymentOperations::createOrganizationContact),
            new Operation(10, "list_file_attachments", OperationKind.FILE, false, FileOperations::listFileAttachments),
            new Operation(11, "create_file_attachment", OperationKind.FILE, true, FileOperations::createFileAttachment),
            new Operation(12, "read_file_metadata", OperationKind.FILE, false, FileOperations::readFileMetadata),
            new Operation(13, "pk_lookup", OperationKind.READ, false, MemberOperations::pkLookup));

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

    public static boolean exists(String name) {
        return BY_NAME.containsKey(name);
    }
}
