package io.dbsim.observe;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * What the observer lived through during a run: the stretches it could not see the server, the server's restarts
 * (its new start times, pg_postmaster_start_time()), and the cumulative views whose counters started again from zero
 * meanwhile, so that their figures over the run count only from then.
 *
 * @param countersReset some of {@link #DATABASE}, {@link #STATEMENTS}, {@link #TABLES}
 */
public record Continuity(List<Gap> gaps, List<Instant> restarts, Set<String> countersReset) {

    public static final String DATABASE = "pg_stat_database";
    public static final String STATEMENTS = "pg_stat_statements";
    public static final String TABLES = "pg_stat_user_tables";

    public static final Continuity UNBROKEN = new Continuity(List.of(), List.of(), Set.of());

    /**
     * From the last answer before the connection failed to the first look after it came back.
     *
     * @param resumed null when it never came back
     */
    public record Gap(Instant lost, Instant resumed, String reason) {
    }
}
