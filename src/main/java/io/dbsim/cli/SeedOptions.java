package io.dbsim.cli;

import io.dbsim.seed.SeedProfile;
import io.dbsim.seed.SeedProfiles;
import picocli.CommandLine.Option;

/** What to seed: a profile, the seed, and count overrides (a picocli mixin shared by seed and demo). */
public final class SeedOptions {

    @Option(names = "--profile", paramLabel = "NAME", defaultValue = "small",
            description = "Seed profile: small (seconds), medium (about 1M rows), large (about 10M rows), "
                    + "or the path of a profile .yaml. Default: ${DEFAULT-VALUE}.")
    String profile;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42",
            description = "Random seed; the same seed gives the same rows, byte for byte. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--members", paramLabel = "N", description = "Override the profile's member count.")
    Long members;

    @Option(names = "--organizations", paramLabel = "N", description = "Override the profile's organization count.")
    Long organizations;

    @Option(names = "--employments-per-member", paramLabel = "X",
            description = "Override the mean number of employments per member.")
    Double employmentsPerMember;

    @Option(names = "--attachments-per-member", paramLabel = "X",
            description = "Override the mean number of file attachments per member.")
    Double attachmentsPerMember;

    public SeedProfile profile() {
        SeedProfile p = SeedProfiles.load(profile);
        if (members != null) {
            p = p.withMembers(members);
        }
        if (organizations != null) {
            p = p.withOrganizations(organizations);
        }
        if (employmentsPerMember != null) {
            p = p.withEmploymentsPerMember(employmentsPerMember);
        }
        if (attachmentsPerMember != null) {
            p = p.withAttachmentsPerMember(attachmentsPerMember);
        }
        return p;
    }

    public long seed() {
        return seed;
    }
}
