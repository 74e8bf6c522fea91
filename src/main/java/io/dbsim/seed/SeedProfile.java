package io.dbsim.seed;

import io.dbsim.UsageException;

/**
 * How much data to make and in what proportions. Profiles live in seed/*.yaml; flags override
 * single counts.
 */
public record SeedProfile(
        String name,
        String description,
        long organizations,
        double contactsPerOrganization,
        long members,
        double employmentsPerMember,
        double studentShare,
        double attachmentsPerMember) {

    public SeedProfile {
        requireNonNegative("organizations", organizations);
        requireNonNegative("contacts-per-organization", contactsPerOrganization);
        requireNonNegative("members", members);
        requireNonNegative("employments-per-member", employmentsPerMember);
        requireNonNegative("attachments-per-member", attachmentsPerMember);
        if (studentShare < 0 || studentShare > 1) {
            throw new UsageException("student-share must be between 0 and 1, got " + studentShare);
        }
        if (members > 0 && organizations == 0 && employmentsPerMember > 0) {
            throw new UsageException("members need at least one organization to be employed by: set --organizations above 0");
        }
    }

    private static void requireNonNegative(String what, double value) {
        if (value < 0 || Double.isNaN(value)) {
            throw new UsageException(what + " must be zero or more, got " + value);
        }
    }

    public SeedProfile withMembers(long n) {
        return new SeedProfile(name, description, organizations, contactsPerOrganization, n,
                employmentsPerMember, studentShare, attachmentsPerMember);
    }

    public SeedProfile withOrganizations(long n) {
        return new SeedProfile(name, description, n, contactsPerOrganization, members,
                employmentsPerMember, studentShare, attachmentsPerMember);
    }

    public SeedProfile withEmploymentsPerMember(double n) {
        return new SeedProfile(name, description, organizations, contactsPerOrganization, members,
                n, studentShare, attachmentsPerMember);
    }

    public SeedProfile withAttachmentsPerMember(double n) {
        return new SeedProfile(name, description, organizations, contactsPerOrganization, members,
                employmentsPerMember, studentShare, n);
    }
}
