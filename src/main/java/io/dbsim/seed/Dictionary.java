package io.dbsim.seed;

import net.datafaker.Faker;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Realistic values drawn once from Datafaker with the run's seed, then combined per row by
 * {@link Rng}. Drawing every field from Datafaker row by row would cost microseconds per value;
 * pools keep the realism (Datafaker's names, streets, companies) at the speed COPY needs.
 */
final class Dictionary {

    final String[] firstNames;
    final String[] lastNames;
    final String[] streetNames;
    final String[] cities;
    final String[] postalCodes;
    final String[] companyNames;
    final String[] industries;
    final String[] jobTitles;
    final String[] universities;
    final String[] programs;
    final String[] fileWords;
    final String[] emailDomains;
    final String[] countries;

    Dictionary(long seed) {
        Faker faker = new Faker(Locale.US, new Random(seed));
        firstNames = distinct(1500, () -> faker.name().firstName());
        lastNames = distinct(2500, () -> faker.name().lastName());
        streetNames = distinct(1500, () -> faker.address().streetName());
        cities = distinct(600, () -> faker.address().cityName());
        postalCodes = new String[cities.length];
        for (int i = 0; i < cities.length; i++) {
            postalCodes[i] = faker.address().zipCode();
        }
        companyNames = distinct(4000, () -> faker.company().name());
        industries = distinct(60, () -> faker.company().industry());
        jobTitles = distinct(400, () -> faker.job().title());
        universities = distinct(250, () -> faker.university().name());
        programs = distinct(120, () -> faker.educator().course());
        fileWords = distinct(300, () -> faker.lorem().word());
        emailDomains = new String[] {"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "hotmail.com",
            faker.internet().domainName(), faker.internet().domainName(), faker.internet().domainName()};
        countries = distinct(25, () -> faker.address().country());
    }

    /**
     * Datafaker parses its locale files (about a second of CPU) on first use. Doing that in the
     * background while the command connects and migrates takes it off the seed's critical path.
     */
    static void warmUpInBackground() {
        Thread.ofPlatform().daemon().name("datafaker-warm-up")
                .start(() -> new Faker(Locale.US, new Random(0)).name().firstName());
    }

    /**
     * Up to n distinct values; a generator whose vocabulary is smaller than n ends the pool early
     * rather than looping, which is why the attempts are bounded.
     */
    private static String[] distinct(int n, Supplier<String> source) {
        Set<String> values = new LinkedHashSet<>();
        for (int attempts = 0; values.size() < n && attempts < n * 20; attempts++) {
            values.add(source.get());
        }
        return values.toArray(String[]::new);
    }
}
