package io.dbsim.engine;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.util.PropertyElf;
import io.dbsim.UsageException;
import io.dbsim.db.BlockingSocketFactory;
import io.dbsim.db.ConnectionInfo;
import io.dbsim.db.DatabaseErrors;
import io.dbsim.observe.DatabaseObserver;
import io.dbsim.observe.HostLoad;
import io.dbsim.observe.Observation;
import io.dbsim.observe.PoolAcquireTracker;
import io.dbsim.observe.PoolTrackers;
import io.dbsim.observe.ServerFacts;
import io.dbsim.observe.StatementStat;
import io.dbsim.observe.WaitSummary;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Stage;
import io.dbsim.workload.CapturedStatement;
import io.dbsim.workload.CommandLatencies;
import io.dbsim.workload.KeySpace;
import io.dbsim.workload.Operation;
import io.dbsim.workload.OperationContext;
import io.dbsim.workload.Pattern;
import io.dbsim.workload.Workload;
import io.dbsim.workload.StatementCatalog;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * One simulation run: users (one thread each, platform or virtual as {@link ThreadChoice} says) or a fixed arrival rate, over a
 * HikariCP pool with a fair queue in front, measured per operation, with a progress line like
 * pgbench -P. {@link #stop()} (Ctrl-C) ends it early; what was measured so far is kept.
 */
public final class Simulation {

    /** After the end, operations still running get this long to finish before their users are interrupted. */
    private static final long GRACE_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** The run's connections show under this name in pg_stat_activity; the observer samples exactly these. */
    public static final String APPLICATION_NAME = "dbsim-run";

    private final RunSettings config;
    private final TestShare share;
    private final Workload workload;
    private final Pattern pattern;
    private final ConnectionInfo database;
    private final RunListener listener;
    private volatile boolean stopRequested;
    private volatile boolean aborted;
    private final CountDownLatch finished = new CountDownLatch(1);

    /** @param listener told of every sample, progress moment and interval histogram while the run goes on */
    public Simulation(RunSettings config, Workload workload, Pattern pattern, ConnectionInfo database, RunListener listener) {
        this(TestShare.whole(config), workload, pattern, database, listener);
    }

    /** @param share the part of the whole test to run: one segment's users, arrivals and pool, from a shared start */
    public Simulation(TestShare share, Workload workload, Pattern pattern, ConnectionInfo database, RunListener listener) {
        this.config = share.settings();
        this.share = share;
        this.workload = workload;
        this.pattern = pattern;
        this.database = database;
        this.listener = new GuardedListener(listener);
    }

    /**
     * Ends the run now without waiting for it, from the run's own threads: a threshold that failed for good. Unlike a
     * stop (Ctrl-C), the run does not count as interrupted; whoever aborted it says why.
     */
    public void abort() {
        aborted = true;
        stopRequested = true;
    }

    /** Asks the run to end now; returns once the run has stopped its users (or after the timeout). */
    public void stop(long timeout, TimeUnit unit) throws InterruptedException {
        stopRequested = true;
        finished.await(timeout, unit);
    }

    public RunResult run() {
        HostLoad host = new HostLoad();
        StatementCatalog catalog = new StatementCatalog();
        PoolAcquireTracker tracker = new PoolAcquireTracker();
        Function<String, String> operationOf = q -> q == null ? null : catalog.operationOf(q).orElse(null);
        // Most of an interval for the server to answer a sample, not more: a stalled server must not stall the time series.
        try (DatabaseObserver observer = share.observer(database, APPLICATION_NAME, config.sampleInterval().multipliedBy(3).dividedBy(4))) {
            ServerFacts facts = observer.facts();
            DatabaseObserver.Snapshot before = observer.snapshot();
            Run run;
            try (HikariDataSource pool = new HikariDataSource(hikariConfig(tracker));
                 PoolGate gate = new PoolGate(pool, config.poolQueue(), config.peakUsers())) {
                KeySpace keys;
                String version;
                try (Connection c = pool.getConnection()) {
                    keys = workload.memberSchema() ? KeySpace.read(c) : null;
                    version = c.getMetaData().getDatabaseProductVersion();
                } catch (SQLException e) {
                    throw DatabaseErrors.explain(e, database);
                }
                share.awaitStart(listener, () -> stopRequested);
                run = new Run(gate, keys, version, catalog, host, observer, before,
                        new WaitSummary.Tally(operationOf));
                run.execute();
            }
            observer.awaitRunBackendsGone(Duration.ofSeconds(5));
            DatabaseObserver.Snapshot after = before == null ? null : observer.snapshot();
            DatabaseObserver.Delta delta = after == null ? null : after.since(before).named(operationOf);
            List<CapturedStatement> captured = catalog.statements();
            Observation observation = new Observation(facts, delta, run.waits.summary(),
                    observer.inspectPlans(captured), tracker.summary(), observer.statementsAvailable(),
                    observer.notes(), captured, observer.continuity());
            return run.result(observation);
        } finally {
            finished.countDown();
        }
    }

    private HikariConfig hikariConfig(PoolAcquireTracker tracker) {
        HikariConfig h = new HikariConfig();
        h.setMetricsTrackerFactory(listener.poolTracker().map(theirs -> PoolTrackers.all(tracker, theirs)).orElse(tracker));
        h.setJdbcUrl(database.jdbcUrl());
        h.setUsername(database.user());
        h.setPassword(database.password());
        h.setPoolName("dbsim");
        h.setMaximumPoolSize(config.poolSize());
        h.setMinimumIdle(Math.min(config.poolMinIdle(), config.poolSize()));
        h.setConnectionTimeout(config.connectionTimeout().toMillis());
        h.setInitializationFailTimeout(-1);
        h.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
        if (config.statementTimeout() != null && !config.statementTimeout().isZero()) {
            h.addDataSourceProperty("options", "-c statement_timeout=" + config.statementTimeout().toMillis());
            // statement_timeout is the server's: when the network stops answering, only the client can give up
            // (a socketTimeout in the URL still wins).
            h.addDataSourceProperty("socketTimeout", Long.toString(config.statementTimeout().toSeconds() + 2));
        }
        if (config.queryMode() != null) {
            config.queryMode().driverProperties().forEach(h::addDataSourceProperty);
        }
        Properties props = new Properties();
        props.putAll(config.poolProperties());
        try {
            PropertyElf.setTargetFromProperties(h, props);
        } catch (RuntimeException e) {
            throw new UsageException("--pool-property: " + e.getMessage()
                    + " (use HikariCP property names such as maxLifetime=600000 or leakDetectionThreshold=2000)");
        }
        if (BlockingSocketFactory.suits(database.jdbcUrl(), h.getDataSourceProperties())) {
            BlockingSocketFactory.install(h.getDataSourceProperties());
        }
        return h;
    }

    /** The state of one run in progress. */
    private final class Run {
        private final PoolGate gate;
        private final KeySpace keys;
        private final String serverVersion;
        private final long startNanos = System.nanoTime();
        private final Instant startedAt = Instant.now();
        private final long endNanos;
        /** Operations and journeys that start before this (the warm-up) are left out of the statistics. */
        private final long recordFromNanos;
        private final RunMetrics metrics;
        private final OperationRunner runner;
        private final String runToken;
        private final AtomicLong sequence = new AtomicLong();
        private final AtomicInteger activeUsers = new AtomicInteger();
        /** Running users, newest last: stages that lower the target stop the newest first; only the control thread uses it. */
        private final java.util.ArrayDeque<UserThread> users = new java.util.ArrayDeque<>();
        private final List<UserThread> everyUser = new CopyOnWriteArrayList<>();
        private final UserStats userStats;
        private final UserFailures userFailures;
        private final List<Pattern.OperationMix> assignment;
        private final AtomicLong skipped = new AtomicLong();
        private final StatementCatalog catalog;
        private final CommandLatencies commandLatencies;
        /** Flows are measured whole in metric slots after the operations'. */
        private final Map<Pattern.OperationMix, Integer> flowSlots = new java.util.IdentityHashMap<>();
        private final RunSampler sampler;
        private final WaitSummary.Tally waits;
        private final ThreadChoice threadChoice = ThreadChoice.of(config);
        private final UserThreads threads = new UserThreads(threadChoice.model());
        private int started;
        private long endedNanos;

        Run(PoolGate gate, KeySpace keys, String serverVersion, StatementCatalog catalog, HostLoad host,
            DatabaseObserver observer, DatabaseObserver.Snapshot before, WaitSummary.Tally waits) {
            this.gate = gate;
            this.keys = keys;
            this.serverVersion = serverVersion;
            this.catalog = catalog;
            Duration planned = config.plannedDuration();
            this.endNanos = planned == null ? Long.MAX_VALUE : startNanos + planned.toNanos();
            this.recordFromNanos = startNanos + config.warmUp().toNanos();
            List<Operation> operations = workload.operations();
            List<String> metricNames = new java.util.ArrayList<>(operations.stream().map(Operation::name).toList());
            pattern.mixes().stream().filter(Pattern.OperationMix::flow).forEach(f -> {
                flowSlots.put(f, metricNames.size());
                metricNames.add(f.name());
            });
            this.metrics = new RunMetrics(metricNames, operations.size(), startNanos, listener);
            this.runner = new OperationRunner(metrics, config.maxTries(), new ConnectionLossRetry(config.retryConnectionLoss()),
                    recordFromNanos, config.latencyLimit() == null ? 0 : config.latencyLimit().toNanos());
            this.commandLatencies = config.commandLatencies() ? CommandLatencies.of(operations) : CommandLatencies.NONE;
            this.runToken = Long.toString(new SecureRandom().nextLong() & 0xFFFFFFFFFL, 36) + "x";
            int slots = config.openModel() ? 0 : Math.max(1, share.starts());
            this.userStats = new UserStats(slots);
            this.userFailures = new UserFailures(slots, startNanos);
            // Open model: arrivals take the population's user types in turn, so their shares hold over every 100.
            this.assignment = pattern.assign(config.openModel() ? 100 : share.wholeStarts());
            this.sampler = new RunSampler(metrics, gate, activeUsers::get, host, observer, listener, startNanos, recordFromNanos,
                    config.sampleInterval().toNanos(), config.progressInterval().toNanos(),
                    before == null ? null : before.counters(),
                    before == null || before.statements() == null ? null : StatementStat.totalsOf(before.statements()), waits);
            this.waits = waits;
        }

        void execute() {
            Thread samplerThread = Thread.ofPlatform().daemon().name("dbsim-sampler").start(sampler);
            try {
                if (config.openModel()) {
                    arrivals();
                } else if (config.staged()) {
                    stages();
                } else {
                    rampUp();
                }
                finish();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                stopRequested = true;
                finish();
            } finally {
                endedNanos = System.nanoTime();
                threads.close();
                samplerThread.interrupt();
                joinQuietly(samplerThread);
            }
            listener.ending();
            sampler.sample(false);
        }

        private static void joinQuietly(Thread t) {
            try {
                t.join(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private boolean over() {
            return stopRequested || System.nanoTime() >= endNanos;
        }

        private void rampUp() throws InterruptedException {
            long spacing = share.rampUpSpacingNanos();
            for (int u = 0; u < config.users() && !over(); u++) {
                int user = share.rampUpUser(u);
                sleepUntil(startNanos + user * spacing);
                if (!over()) {
                    startUser(user);
                }
            }
            awaitUsers();
        }

        private void stages() throws InterruptedException {
            long stageStart = startNanos;
            int from = 0;
            List<Stage> stages = share.wholeStages();
            for (int s = 0; s < stages.size(); s++) {
                Stage stage = stages.get(s);
                long length = stage.duration().toNanos();
                while (!stopRequested) {
                    long now = System.nanoTime();
                    double progressInStage = length == 0 ? 1 : Math.min(1, (double) (now - stageStart) / length);
                    int target = share.stageTarget((int) Math.round(from + (stage.target() - from) * progressInStage));
                    // Counted as users not yet asked to stop: a stopped user may still be finishing its
                    // operation, and counting it would stop older users too (all of them, on a steep drop).
                    while (users.size() < target && started < userStats.capacity()) {
                        startUser(share.stagedUser(s, users.size()));
                    }
                    while (users.size() > target) {
                        UserThread newest = users.pollLast();
                        if (newest == null) {
                            break;
                        }
                        newest.stopSoon();
                    }
                    if (now >= stageStart + length) {
                        break;
                    }
                    Thread.sleep(50);
                }
                stageStart += length;
                from = stage.target();
            }
            awaitUsers();
        }

        private void arrivals() throws InterruptedException {
            long interval = (long) (1e9 / share.wholeRate());
            // pgbench -R with -L: an arrival already further behind its schedule than the limit cannot be on time; it is skipped.
            long skipBehindNanos = config.latencyLimit() == null ? Long.MAX_VALUE : config.latencyLimit().toNanos();
            AtomicInteger inFlight = new AtomicInteger();
            SplittableRandom seeds = new SplittableRandom(config.seed());
            for (long k = 0; ; k++) {
                long intended = startNanos + k * interval;
                if (intended >= endNanos || stopRequested) {
                    break;
                }
                // Drawn for every arrival of the whole test, in order: arrival k has the same stream whichever segment runs it.
                SplittableRandom random = seeds.split();
                if (!share.runsArrival(k)) {
                    continue;
                }
                sleepUntil(intended);
                if (over()) {
                    break;
                }
                if (System.nanoTime() - intended > skipBehindNanos) {
                    if (intended >= recordFromNanos) {
                        skipped.incrementAndGet();
                    }
                    continue;
                }
                if (inFlight.get() >= config.maxUsers()) {
                    metrics.dropArrival();
                    continue;
                }
                inFlight.incrementAndGet();
                activeUsers.incrementAndGet();
                Pattern.OperationMix mix = assignment.get((int) (k % assignment.size()));
                int arrival = (int) (k % Integer.MAX_VALUE);
                threads.arrive(() -> {
                    try {
                        OperationContext ctx = new OperationContext(keys, arrival, random, runToken, sequence, catalog,
                                commandLatencies);
                        TimedLease lease = new TimedLease(gate);
                        if (mix.flow()) {
                            // An arrival of a flow walks the whole journey, without think time between steps.
                            FlowTracker flow = tracker(mix);
                            long stepStart = intended;
                            do {
                                flow.runStep(runner, ctx, lease, stepStart);
                                stepStart = System.nanoTime();
                            } while (!flow.atStart() && ctx.lastError() == null && !over());
                        } else {
                            runner.run(mix.pick(random), ctx, lease, intended);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        inFlight.decrementAndGet();
                        activeUsers.decrementAndGet();
                    }
                });
            }
            long deadline = System.nanoTime() + GRACE_NANOS;
            while (inFlight.get() > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        /** @param wholeIndex the user's number in the whole test, which decides its type and random stream */
        private void startUser(int wholeIndex) {
            int index = started++;
            UserThread user = new UserThread(index, wholeIndex, assignment.get(wholeIndex),
                    new SplittableRandom(config.seed() * 1_000_003L + wholeIndex));
            users.add(user);
            everyUser.add(user);
            activeUsers.incrementAndGet();
            user.thread = threads.start("user-" + index, user);
        }

        private void awaitUsers() throws InterruptedException {
            for (UserThread u : everyUser) {
                while (u.thread.isAlive()) {
                    if (stopRequested || System.nanoTime() >= endNanos) {
                        return;
                    }
                    u.thread.join(Duration.ofMillis(50));
                }
            }
        }

        /** Lets users finish the operation in hand, then interrupts whoever is still at it. */
        private void finish() {
            long deadline = System.nanoTime() + GRACE_NANOS;
            for (UserThread u : everyUser) {
                u.stopSoon();
            }
            for (UserThread u : everyUser) {
                long left = deadline - System.nanoTime();
                try {
                    if (left <= 0 || !u.thread.join(Duration.ofNanos(left))) {
                        u.thread.interrupt();
                    }
                } catch (InterruptedException e) {
                    u.thread.interrupt();
                }
            }
        }

        private FlowTracker tracker(Pattern.OperationMix flow) {
            return new FlowTracker(flow, metrics.operation(flowSlots.get(flow)), recordFromNanos);
        }

        private RunResult result(Observation observation) {
            long now = endedNanos;
            Map<String, Integer> byPattern = new LinkedHashMap<>();
            for (UserThread u : everyUser) {
                byPattern.merge(u.mix.name(), 1, Integer::sum);
            }
            List<OperationMetrics.Summary> summaries = metrics.summaries();
            List<FlowResult> flows = flowSlots.entrySet().stream().map(e -> new FlowResult(e.getKey().name(),
                    e.getKey().operations().stream().map(Operation::name).toList(), summaries.get(e.getValue()))).toList();
            Duration elapsed = Duration.ofNanos(now - startNanos);
            Duration measured = elapsed.minus(config.warmUp()).isNegative() ? Duration.ZERO : elapsed.minus(config.warmUp());
            return new RunResult(config, database.hostAndDatabase(), serverVersion, byPattern, startedAt, elapsed, measured,
                    stopRequested && !aborted, summaries.subList(0, workload.operations().size()).stream().filter(s -> s.count() > 0).toList(),
                    metrics.series(), metrics.lateness(), userStats.fairness(started), metrics.droppedArrivals(), gate.size(), observation,
                    flows, config.openModel() ? null : userFailures.spells(), skipped.get(), commandLatencies.stats(),
                    database.source(), threadChoice, metrics.firstErrors().byLabel());
        }

        private void sleepUntil(long deadline) throws InterruptedException {
            long left;
            while ((left = deadline - System.nanoTime()) > 0 && !stopRequested) {
                TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }

        /** A closed-model user: operation, think time, again, until its operations or the run are done. */
        private final class UserThread implements Runnable {
            private final int index;
            /** The user's number in the whole test (pgbench's client_id), the same whichever segment runs it. */
            private final int number;
            private final Pattern.OperationMix mix;
            private final SplittableRandom random;
            private volatile boolean stopping;
            private volatile Thread thread;

            UserThread(int index, int number, Pattern.OperationMix mix, SplittableRandom random) {
                this.index = index;
                this.number = number;
                this.mix = mix;
                this.random = random;
            }

            void stopSoon() {
                stopping = true;
                Thread t = thread;
                if (t != null) {
                    LockSupport.unpark(t);
                }
            }

            @Override
            public void run() {
                OperationContext ctx = new OperationContext(keys, number, random, runToken, sequence, catalog, commandLatencies);
                TimedLease lease = new TimedLease(gate);
                long meanThink = config.thinkTime().toNanos();
                FlowTracker flow = mix.flow() ? tracker(mix) : null;
                try {
                    for (int done = 0; config.opsPerUser() == 0 || done < config.opsPerUser(); done++) {
                        if (stopping || over()) {
                            return;
                        }
                        long stepStart = System.nanoTime();
                        long waited = flow != null ? flow.runStep(runner, ctx, lease, stepStart)
                                : runner.run(mix.pick(random), ctx, lease, stepStart);
                        userStats.done(index, waited);
                        userFailures.after(index, ctx.lastError() != null, System.nanoTime());
                        long wake = System.nanoTime() + mix.thinkTime().nextNanos(meanThink, random);
                        if (meanThink > 0) {
                            long until = Math.min(wake, endNanos);
                            while (!stopping && !stopRequested && System.nanoTime() < until) {
                                LockSupport.parkNanos(until - System.nanoTime());
                                if (Thread.currentThread().isInterrupted()) {
                                    return;
                                }
                            }
                            if (until == wake && !stopping && !stopRequested) {
                                metrics.lateness((System.nanoTime() - wake) / 1000);
                            }
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    activeUsers.decrementAndGet();
                }
            }
        }
    }
}
