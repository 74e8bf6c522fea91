package io.dbsim.seed;

/**
 * Everything the table generators share: the seed, the profile, Datafaker's pools, and each
 * member's traits, derived once here because five tables ask for them.
 */
final class Population {

    final long seed;
    final SeedProfile profile;
    final Dictionary dictionary;
    private final MemberTraits[] members;

    Population(long seed, SeedProfile profile) {
        this.seed = seed;
        this.profile = profile;
        this.dictionary = new Dictionary(seed);
        double[] classificationWeights = MemberTraits.classificationWeights(profile.studentShare());
        this.members = new MemberTraits[Math.toIntExact(profile.members())];
        java.util.stream.IntStream.range(0, members.length).parallel()
                .forEach(i -> members[i] = MemberTraits.of(seed, classificationWeights, i + 1L));
    }

    MemberTraits member(long memberId) {
        return members[(int) (memberId - 1)];
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return s.replaceAll("^-+|-+$", "");
    }

    /** first.last in lower case, letters and digits only: "Mary-Jane O'Neil" gives "maryjane.oneil". */
    static String emailLocal(String first, String last) {
        StringBuilder local = new StringBuilder(first.length() + last.length() + 1);
        appendLetters(local, first);
        local.append('.');
        appendLetters(local, last);
        return local.toString();
    }

    private static void appendLetters(StringBuilder to, String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = Character.toLowerCase(name.charAt(i));
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
                to.append(c);
            }
        }
    }

    static String phone(java.util.SplittableRandom r) {
        int line = 10000 + r.nextInt(10000);
        return "(" + (200 + r.nextInt(800)) + ") " + (200 + r.nextInt(800)) + "-" + Integer.toString(line).substring(1);
    }
}
