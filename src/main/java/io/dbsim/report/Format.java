package io.dbsim.report;

import io.dbsim.Text;
import io.dbsim.analysis.RunReport;
import io.dbsim.settings.Durations;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The formatting every renderer shares: numbers, durations given in report units, and the sentences several print. */
final class Format {

    private Format() {
    }

    /** A number with thousands separators and the given decimals, as reports for people print them. */
    static String num(double v, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    static String seconds(double s) {
        return Durations.formatMillis(s * 1000);
    }

    static String millis(double ms) {
        return Durations.formatMillis(ms);
    }

    /** What the users ran on, as the console and Markdown say it: {@code platform threads, one per user (auto: ...)}. */
    static String threads(RunReport.Threads t) {
        String what = t.carriers() == null ? t.model() + " threads, one per user"
                : t.model() + " threads on " + t.carriers() + " carrier" + (t.carriers() == 1 ? "" : "s");
        return what + " (" + t.reason() + ")";
    }

    /** The name a statement is shown under: the operation that sent it, or its SQL cut to one line. */
    static String label(RunReport.StatementRow st) {
        if (st.operation() != null) {
            return st.operation();
        }
        return st.query() == null ? "?" : Text.oneLine(st.query(), 40);
    }

    /** Counts by class as "connection_lost 20, pool_timeout 3", leaving out classes at 0. */
    static String classes(Map<String, Long> byClass) {
        return byClass.entrySet().stream().filter(e -> e.getValue() > 0).map(e -> e.getKey() + " " + e.getValue())
                .collect(Collectors.joining(", "));
    }

    /** Where a drifting latency's rise went, as the reports for people say it. */
    static String driftSentence(RunReport.DriftCause cause) {
        String side = switch (cause.dominant()) {
            case "database" -> "the database's execution time";
            case "pool" -> "the wait for a connection";
            case "simulator" -> "time outside the database and the pool (the simulator's host or the network)";
            default -> "time outside the pool (without pg_stat_statements the database's part is unknown)";
        };
        double share = switch (cause.dominant()) {
            case "database" -> cause.databaseShare();
            case "pool" -> cause.poolShare();
            default -> cause.restShare();
        };
        return String.format(Locale.ROOT, "Of the mean's rise (%+.2f ms), %.0f%% is %s.", cause.meanRiseMs(), 100 * share, side);
    }

    /** The spike section as the reports for people say it, from "p95" on, without a full stop. */
    static String spikeSentence(RunReport.Spike spike) {
        return String.format(Locale.ROOT, "p95 %,.1f ms at %d users; worst p95 %,.1f ms under %d users; %s",
                spike.baselineP95Ms(), spike.baselineUsers(), spike.spikeP95Ms(), spike.spikeUsers(), spike.recoveryS() == null
                        ? "p95 did not return within 10% of baseline before the run ended"
                        : String.format(Locale.ROOT, "p95 was back within 10%% of baseline %,.1f s after the drop", spike.recoveryS()));
    }
}
