package io.dbsim.seed;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The fixed "today" of generated data. Using the wall clock would make two seeds with the same
 * --seed differ; a fixed date keeps them identical byte for byte.
 */
final class SeedClock {

    static final LocalDate TODAY = LocalDate.of(2026, 1, 1);
    static final long TODAY_EPOCH_DAY = TODAY.toEpochDay();

    private SeedClock() {
    }

    static LocalDate daysAgo(long days) {
        return LocalDate.ofEpochDay(TODAY_EPOCH_DAY - days);
    }

    /** A moment during the given day, as epoch seconds. */
    static long secondsOn(LocalDate day, long secondOfDay) {
        return day.atStartOfDay().toEpochSecond(ZoneOffset.UTC) + secondOfDay;
    }
}
