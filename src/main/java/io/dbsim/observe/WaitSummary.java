package io.dbsim.observe;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What the run's busy backends were doing across all samples: each sampled busy backend counts
 * once under its wait event ("CPU" when it waited on nothing), as performance-insight tools count.
 *
 * @param busyBackendSamples        sum over samples of the run's non-idle backends
 * @param waitEvents                those backend-samples by {@code type:event}, most frequent first
 * @param samplesWithLockWaits      samples in which at least one of the run's backends waited on a lock
 * @param lockWaitsByOperation      backend-samples waiting on a lock, by the dbsim operation whose statement waited
 */
public record WaitSummary(int samples, long busyBackendSamples, Map<String, Long> waitEvents, int samplesWithLockWaits,
                          int maxLocksNotGranted, Map<String, Long> lockWaitsByOperation) {

    /**
     * Adds samples up as they come, keeping counts only: a long run with lock waits would otherwise
     * hold every sampled query text. Waiting statements are counted by text (pg_stat_activity shows
     * them with placeholders, so there are few distinct ones) and named at the end, when every
     * statement the run sent is known.
     */
    public static final class Tally {

        private final Function<String, String> operationOfQuery;
        private final Map<String, Long> events = new LinkedHashMap<>();
        private final Map<String, Long> lockQueries = new LinkedHashMap<>();
        private int samples;
        private long busy;
        private int withLocks;
        private int maxNotGranted;

        public Tally(Function<String, String> operationOfQuery) {
            this.operationOfQuery = operationOfQuery;
        }

        public synchronized void add(ActivitySample s) {
            samples++;
            for (Map.Entry<String, Integer> e : s.waitEvents().entrySet()) {
                events.merge(e.getKey(), (long) e.getValue(), Long::sum);
                busy += e.getValue();
            }
            if (!s.lockWaitQueries().isEmpty() || s.locksNotGranted() > 0) {
                withLocks++;
            }
            maxNotGranted = Math.max(maxNotGranted, s.locksNotGranted());
            for (String q : s.lockWaitQueries()) {
                lockQueries.merge(q, 1L, Long::sum);
            }
        }

        public synchronized WaitSummary summary() {
            Map<String, Long> lockOps = new LinkedHashMap<>();
            lockQueries.forEach((q, n) -> {
                String op = operationOfQuery.apply(q);
                lockOps.merge(op == null ? "(not a dbsim statement)" : op, n, Long::sum);
            });
            return new WaitSummary(samples, busy, sorted(events), withLocks, maxNotGranted, sorted(lockOps));
        }
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> out = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    /** Share of busy backend-samples spent waiting on {@code type} (e.g. "Lock"), in percent. */
    public double sharePct(String type) {
        if (busyBackendSamples == 0) {
            return 0;
        }
        long n = waitEvents.entrySet().stream().filter(e -> e.getKey().equals(type) || e.getKey().startsWith(type + ":"))
                .mapToLong(Map.Entry::getValue).sum();
        return 100.0 * n / busyBackendSamples;
    }
}
