package io.dbsim.metrics;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
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

    public static WaitSummary of(List<ActivitySample> samples, Function<String, String> operationOfQuery) {
        Map<String, Long> events = new LinkedHashMap<>();
        Map<String, Long> lockOps = new LinkedHashMap<>();
        long busy = 0;
        int withLocks = 0;
        int maxNotGranted = 0;
        for (ActivitySample s : samples) {
            for (Map.Entry<String, Integer> e : s.waitEvents().entrySet()) {
                events.merge(e.getKey(), (long) e.getValue(), Long::sum);
                busy += e.getValue();
            }
            if (!s.lockWaitQueries().isEmpty() || s.locksNotGranted() > 0) {
                withLocks++;
            }
            maxNotGranted = Math.max(maxNotGranted, s.locksNotGranted());
            for (String q : s.lockWaitQueries()) {
                String op = operationOfQuery.apply(q);
                lockOps.merge(op == null ? "(not a dbsim statement)" : op, 1L, Long::sum);
            }
        }
        return new WaitSummary(samples.size(), busy, sorted(events), withLocks, maxNotGranted, sorted(lockOps));
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
