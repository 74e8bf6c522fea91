package io.dbsim.seed;

/** Everything the table generators share: the seed, the profile, Datafaker's pools, member traits. */
final class Population {

    final long seed;
    final SeedProfile profile;
    final Dictionary dictionary;
    private final double[] classificationWeights;

    Population(long seed, SeedProfile profile) {
        this.seed = seed;
        this.profile = profile;
        this.dictionary = new Dictionary(seed);
        this.classificationWeights = MemberTraits.classificationWeights(profile.studentShare());
    }

    MemberTraits member(long memberId) {
        return MemberTraits.of(seed, classificationWeights, memberId);
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    static String emailLocal(String first, String last) {
        return (first + "." + last).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.]", "");
    }

    static String phone(java.util.SplittableRandom r) {
        int line = 10000 + r.nextInt(10000);
        return "(" + (200 + r.nextInt(800)) + ") " + (200 + r.nextInt(800)) + "-" + Integer.toString(line).substring(1);
    }
}
