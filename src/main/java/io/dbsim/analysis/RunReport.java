package io.dbsim.analysis;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.dbsim.analysis.capacity.CapacitySection;

import java.util.List;
import java.util.Map;

/**
 * One run, computed once: what was measured and what it means. Every renderer (console, JSON, CSV,
 * Markdown, HTML) reads this and nothing else; the JSON file is this record serialised (snake_case keys,
 * reports/README.md), and `dbsim report`, `compare` and `ab` read it back into the same types. Figures
 * are rounded to a thousandth of their unit when the report is made, so a saved run renders exactly as
 * the live one did.
 *
 * @param statements  null when pg_stat_statements could not be read (see {@code notes})
 * @param spike       null unless the run's stages have the shape of a spike
 * @param trends      null unless the run is steady and long enough to show trends
 * @param thresholds  null when no threshold was set (and then there is no verdict)
 * @param capacity    null unless a capacity estimate was asked for
 * @param outages     what the run lived through; null in reports written before it was recorded
 * @param commands    each command's latencies of scripts and workload files (pgbench -r); null unless asked for
 * @param abortedBy   the abortOnFail threshold that stopped the run early, and when; null when none did
 */
public record RunReport(
        int schemaVersion,
        String tool,
        String startedAt,
        double elapsedS,
        double measuredS,
        boolean interrupted,
        Config config,
        Database database,
        Map<String, Integer> usersByPattern,
        Summary summary,
        List<OperationRow> operations,
        List<FlowRow> flows,
        Pool pool,
        Simulator simulator,
        long droppedArrivals,
        List<Point> timeseries,
        List<StatementRow> statements,
        List<FindingRow> bottlenecks,
        List<String> notes,
        Spike spike,
        TrendsRow trends,
        List<String> assessment,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<ThresholdRow> thresholds,
        @JsonInclude(JsonInclude.Include.NON_NULL) String verdict,
        @JsonInclude(JsonInclude.Include.NON_NULL) CapacitySection capacity,
        @JsonInclude(JsonInclude.Include.NON_NULL) OutagesSection outages,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<CommandRow> commands,
        @JsonInclude(JsonInclude.Include.NON_NULL) String abortedBy) {

    /** Raised when a key changes meaning or disappears; new keys do not raise it. */
    public static final int SCHEMA_VERSION = 1;

    /**
     * The run's settings as the report states them (times in the unit their key names).
     *
     * @param retryConnectionLoss null in reports written before it was recorded
     * @param queryMode      pgbench's -M (simple, extended, prepared) or driver_default; null in runs saved before it was recorded
     * @param latencyLimitMs pgbench's -L; null (and left out of the JSON) without one
     */
    public record Config(String pattern, String model, int users, int opsPerUser, Double durationS, long thinkTimeMs,
                         double rampUpS, double warmUpS, List<StageRow> stages, double ratePerSec, int maxUsers, int maxTries,
                         long seed, int poolSize, int poolMinIdle, long connectionTimeoutMs, Map<String, String> poolProperties,
                         String poolQueue, Long statementTimeoutMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Integer retryConnectionLoss,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String queryMode,
                         @JsonInclude(JsonInclude.Include.NON_NULL) Double latencyLimitMs,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String threads) {

        public boolean openModel() {
            return "open".equals(model);
        }

        public boolean staged() {
            return stages != null && !stages.isEmpty();
        }
    }

    public record StageRow(double durationS, int target) {
    }

    /**
     * The server and what the run did to it; parts that could not be read are left out.
     *
     * @param connectionFrom where the connection settings came from (e.g. "PGHOST, PGDATABASE, ~/.pgpass"), never a password
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Database(String target, String serverVersion, Map<String, String> settings, Long dataBytes,
                           Long databaseBytes, List<TableSize> tables, Boolean pgStatStatements, Activity activity,
                           WaitEvents waitEvents, List<TableActivity> tableActivity, List<IndexActivity> indexActivity,
                           List<String> indexesUnusedWhileWritten, List<SeqScanRow> selectiveSeqScans,
                           String serverVersionFull, String connectionFrom) {

        /** Whether dbsim could watch the server at all during the run (else only target and version are known). */
        public boolean observed() {
            return pgStatStatements != null;
        }

        /** The version as the server states it (e.g. with its distribution's suffix). */
        public String versionAsServerStates() {
            return serverVersionFull != null ? serverVersionFull : serverVersion;
        }
    }

    public record TableSize(String table, long rows, long bytes) {
    }

    /** pg_stat_database over the run. */
    public record Activity(long commits, long rollbacks, long blocksRead, long blocksHit, Double cacheHitPct, long tempFiles,
                           long tempBytes, long deadlocks, long conflicts) {
    }

    public record WaitEvents(int samples, long busyBackendSamples, Map<String, Long> events, double lockSharePct,
                             int samplesWithLockWaits, int locksNotGrantedPeak, Map<String, Long> lockWaitsByOperation) {
    }

    /**
     * pg_stat_user_tables over the run; rows and bytes as they were at the end.
     *
     * @param liveRowsAtStart the live rows when the run began; null in reports written before it was kept
     */
    public record TableActivity(String table, long seqScans, long seqRowsRead, long indexScans, long inserts, long updates,
                                long hotUpdates, long deletes, long liveRows, long deadRows, long bytes,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Long liveRowsAtStart) {

        /** How much the table grew over the run, in percent of its rows at the start; NaN when that is not known. */
        public double growthPct() {
            return liveRowsAtStart == null || liveRowsAtStart == 0 ? Double.NaN : 100.0 * (liveRows - liveRowsAtStart) / liveRowsAtStart;
        }

        /** Whether the run read or wrote the table at all. */
        public boolean touched() {
            return seqScans + indexScans + inserts + updates + deletes > 0;
        }

        public double rowsPerSeqScan() {
            return seqScans == 0 ? 0 : (double) seqRowsRead / seqScans;
        }

        public double hotUpdatePct() {
            return updates == 0 ? Double.NaN : 100.0 * hotUpdates / updates;
        }
    }

    public record IndexActivity(String table, String index, long scans, long bytes, boolean unique) {
    }

    /** One of our statements whose plan reads a whole table to keep a few rows. */
    public record SeqScanRow(String operation, String table, List<String> columns, String filter, long estimatedRows,
                             long tableRows) {
    }

    /**
     * @param retriesByClass operations tried again, by the class of the failure retried; null in older reports
     * @param latencyLimit   null without a latency limit
     * @param firstErrors    the first message of each error class met, by class; null in older reports
     */
    public record Summary(long operations, long succeeded, long failed, long retries, double successRatePct,
                          double errorRatePct, double throughputOpsPerSec, Latency latencyMs, Latency poolWaitMs,
                          Latency databaseMs, double poolWaitSharePct, Map<String, Long> errors,
                          List<DistributionPoint> latencyDistributionMs,
                          @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> retriesByClass,
                          @JsonInclude(JsonInclude.Include.NON_NULL) LatencyLimit latencyLimit,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> firstErrors) {
    }

    /**
     * pgbench's -L, by its definitions: {@code late} operations succeeded but took longer than the limit (of those that
     * succeeded); with --rate, {@code skipped} arrivals were already further behind schedule than the limit and were not
     * run (of all arrivals that came due: succeeded, failed and skipped). Without --rate, skipped is null.
     */
    public record LatencyLimit(double limitMs, long late, double latePct, Long skipped, Double skippedPct) {
    }

    /** A latency distribution's summary, in milliseconds; all zero when nothing was measured. */
    public record Latency(double mean, double p50, double p90, double p95, double p99, double min, double max) {
    }

    public record DistributionPoint(double percentile, double ms) {
    }

    /**
     * @param intervals      the operation's figures per time-series point, columns aligned with {@code timeseries}
     * @param retriesByClass null in older reports
     * @param late           successes slower than the latency limit; null without one
     */
    public record OperationRow(String name, long count, long succeeded, long failed, long retries, double sharePct,
                               Latency latencyMs, Latency poolWaitMs, Latency databaseMs, Latency failedLatencyMs,
                               Map<String, Long> errors, OperationIntervals intervals,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Long> retriesByClass,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Long late) {
    }

    /**
     * One command of a script or a workload file's operation, as pgbench -r reports it: its latency when it completed
     * (measured part only), and how many executions failed at it.
     *
     * @param index the command's position in its operation, from 0
     * @param line  the line it starts on in its file
     */
    public record CommandRow(String operation, int index, int line, boolean sql, String command, long completed, long failed,
                             Latency latencyMs) {
    }

    public record OperationIntervals(long[] succeeded, long[] failed, double[] meanMs, double[] p50Ms, double[] p95Ms,
                                     double[] p99Ms, double[] poolWaitMeanMs) {
    }

    /** A journey measured whole: its steps' response times summed, think time left out. */
    public record FlowRow(String name, List<String> steps, long journeys, long succeeded, long failed, Latency latencyMs,
                          Latency poolWaitMs, Map<String, Long> errors) {
    }

    /** The pool over the run's samples, HikariCP's own figures (left out when not read) and the pool's fairness. */
    public record Pool(int size, String queue, int samples, double saturationPct, int waitingPeak, double waitingMean,
                       double activeMean, double utilisationPct,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Latency hikariAcquireMs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Latency hikariUsageMs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long connectionsOpened,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Latency connectionOpenMs,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Long hikariTimeouts,
                       double simulatorCpuMeanPct, double simulatorCpuPeakPct, double hostCpuMeanPct, FairnessRow fairness) {
    }

    public record FairnessRow(int users, long opsPerUserMin, long opsPerUserMedian, long opsPerUserMax, double jainIndex,
                              int starvedUsers, double longestPoolWaitMs) {
    }

    /**
     * The load generator itself.
     *
     * @param cores   the host's cores as the JVM saw them; null in reports written before it was recorded
     * @param threads what the users ran on; null in reports written before it was recorded
     */
    public record Simulator(Latency wakeUpLatenessMs, double heapUsedPeakMb, double heapMaxMb,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Integer cores,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Threads threads) {
    }

    /**
     * The users' threads: {@code platform} (an OS thread each) or {@code virtual}, and why.
     *
     * @param carriers the virtual threads' carrier threads; null for platform threads
     */
    public record Threads(String model, @JsonInclude(JsonInclude.Include.NON_NULL) Integer carriers, String reason) {
    }

    /**
     * One sample of the time series; {@code db} is null when the database could not be read.
     *
     * @param warmUpOpsPerSec operations that started during the warm-up (not measured), per second; null in reports
     *                        written before they were shown
     * @param epochMs when the sample was taken by the wall clock; null in reports written before it was recorded
     */
    public record Point(double tS, long ops, long errors, double opsPerSec, double p50Ms, double p95Ms, double p99Ms, int users,
                        int poolActive, int poolIdle, int poolWaiting, double heapUsedMb, double heapAfterGcMb,
                        double simulatorCpuPct, double hostCpuPct, DbPoint db,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Double warmUpOpsPerSec,
                        @JsonInclude(JsonInclude.Include.NON_NULL) Long epochMs) {
    }

    public record DbPoint(int backends, int active, int idleInTransaction, int locksNotGranted, double commitsPerSec,
                          double rollbacksPerSec, Double cacheHitPct, long tempBytes, long deadlocks,
                          Map<String, Integer> waitEvents) {
    }

    /** pg_stat_statements over the run for one statement, named after the operation that sent it. */
    public record StatementRow(String operation, long queryId, String query, long calls, double totalMs, double meanMs, long rows,
                               long sharedBlocksHit, long sharedBlocksRead, long tempBlocksRead, long tempBlocksWritten,
                               StatementIntervals intervals) {

        public double cacheHitPct() {
            long all = sharedBlocksHit + sharedBlocksRead;
            return all == 0 ? Double.NaN : 100.0 * sharedBlocksHit / all;
        }
    }

    public record StatementIntervals(long[] calls, double[] totalMs) {
    }

    /** A ranked bottleneck: what it is, the figures that show it, what it costs, what to do. */
    public record FindingRow(int rank, String kind, String severity, double impactPct, String title, List<String> evidence,
                             String impact, String fix, Map<String, Object> figures) {
    }

    public record Spike(double baselineP95Ms, double baselineFromS, double baselineToS, int baselineUsers, int spikeUsers,
                        double spikeP95Ms, double dropAtS, Double recoveredAtS, Double recoveryS) {
    }

    /**
     * The trend lines; {@code meanMs}, {@code databaseMsPerOp} and {@code poolWaitMs} are null in reports of earlier
     * versions, {@code driftCause} is null unless the latency drifts.
     */
    public record TrendsRow(double measuredS, Line heapAfterGcMb, Line backends, Line p95Ms, Line meanMs, Line databaseMsPerOp,
                            Line poolWaitMs, boolean leakSuspected, boolean latencyDrift, DriftCause driftCause) {
    }

    /**
     * Of the mean latency's rise, the shares (0 to 1) the server's execution time and the pool wait account for, the
     * rest being the simulator's and the network's; {@code databaseShare} is null without pg_stat_statements.
     * {@code dominant}: database, pool, simulator or unknown.
     */
    public record DriftCause(double meanRiseMs, Double databaseShare, double poolShare, double restShare, String dominant) {
    }

    /** A fitted line over the measured part: its value at the start and end, growth per hour, its p-value. */
    public record Line(double start, double end, double perHour, double growthPct, Double pValue) {
    }

    /**
     * What the run lived through: the outages found in its time series, the server's restarts, the stretches the
     * observer could not see the server, and the cumulative views whose counters were reset meanwhile (their figures in
     * this report count from the reset).
     */
    public record OutagesSection(List<OutageRow> events, List<RestartRow> serverRestarts, List<GapRow> observerGaps,
                                 List<String> countersReset) {

        public boolean anything() {
            return !events.isEmpty() || !serverRestarts.isEmpty() || !observerGaps.isEmpty() || !countersReset.isEmpty();
        }
    }

    /**
     * One outage, seconds since the run started ({@link Outages}).
     *
     * @param recoveredAtS    null when throughput and p95 were not back within 10% before the run ended
     * @param failuresByClass the classes that failed, with their counts
     * @param usersGaveUp     distinct users whose operation failed in it; null when not known
     */
    public record OutageRow(double startedAtS, double endedAtS, double durationS, Double recoveredAtS, Double recoveryS,
                            double baselineOpsPerSec, double baselineP95Ms, double lowestOpsPerSec, double worstP95Ms,
                            boolean stalled, long failures, Map<String, Long> failuresByClass, long retries,
                            Map<String, Long> retriesByClass, long operationsLost, Integer usersGaveUp) {
    }

    /** The server started again (pg_postmaster_start_time()) at {@code at}, {@code atS} seconds into the run. */
    public record RestartRow(String at, double atS) {
    }

    /**
     * Two samples or more without database figures: the observer could not read the server from {@code lostAtS} to
     * {@code resumedAtS} (null: not again before the end), because it lost its connection or the server did not answer.
     */
    public record GapRow(double lostAtS, Double resumedAtS, String reason) {
    }

    /**
     * @param metric   e.g. p95, pool_wait.p95, error_rate, throughput, recovery_time
     * @param measured null when not measured (which fails it)
     */
    public record ThresholdRow(String threshold, String operation, String metric, String comparator, double limit,
                               Double measured, String unit, boolean passed) {
    }

    /** The same report with a capacity estimate made after it (a run's single-run estimate). */
    public RunReport withCapacity(CapacitySection estimate) {
        return new RunReport(schemaVersion, tool, startedAt, elapsedS, measuredS, interrupted, config, database, usersByPattern,
                summary, operations, flows, pool, simulator, droppedArrivals, timeseries, statements, bottlenecks, notes, spike,
                trends, assessment, thresholds, verdict, estimate, outages, commands, abortedBy);
    }

    /** Thresholds and their verdict: GO when every threshold passed and none stopped the run. */
    public boolean go() {
        return thresholds != null && abortedBy == null && thresholds.stream().allMatch(ThresholdRow::passed);
    }
}
