package io.dbsim.analysis;

import io.dbsim.db.ErrorClass;
import io.dbsim.engine.FailureSpell;
import io.dbsim.engine.Fairness;
import io.dbsim.engine.OperationTick;
import io.dbsim.engine.RunResult;
import io.dbsim.engine.TimePoint;
import io.dbsim.observe.HostLoad;
import io.dbsim.settings.RunSettings;
import io.dbsim.settings.Threshold;
import io.dbsim.support.TestSettings;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Outages found in a run's time series: failure clusters and stalls, their recovery, what they cost; and no false alarms. */
class OutagesTest {

    /** One-second samples: successes, failures of one class, p95, users. */
    private static final class Series {
        private final List<TimePoint> points = new ArrayList<>();
        private final List<FailureSpell> spells = new ArrayList<>();

        Series steady(int seconds, long succeeded, double p95, int users) {
            for (int i = 0; i < seconds; i++) {
                add(succeeded, 0, null, p95, users);
            }
            return this;
        }

        Series add(long succeeded, long failed, ErrorClass error, double p95, int users) {
            long[] byClass = new long[ErrorClass.values().length];
            if (failed > 0) {
                byClass[error.ordinal()] = failed;
            }
            OperationTick tick = new OperationTick("read_member_detail", succeeded, failed, p95 / 2, p95 / 2, p95, p95,
                    0, byClass, new long[ErrorClass.values().length]);
            double t = points.size() + 1;
            points.add(new TimePoint(t, succeeded + failed, failed, succeeded + failed, p95 / 2, p95, p95, users, 5, 5, 0,
                    new HostLoad.Point(10, 20, 100, 50), null, List.of(tick), 0));
            return this;
        }

        Series failing(int user, double from, double to) {
            spells.add(new FailureSpell(user, from, to));
            return this;
        }

        RunResult run(boolean open, Duration warmUp) {
            List<TimePoint> series = new ArrayList<>(points);
            series.add(points.get(points.size() - 1));
            RunSettings config = TestSettings.base().users(20).duration(Duration.ofSeconds(points.size())).thinkTime(Duration.ofMillis(100))
                    .ratePerSecond(open ? 100 : 0).maxUsers(1000).warmUp(warmUp).poolSize(10).poolMinIdle(10).build();
            return new RunResult(config, "localhost/test", "17", Map.of(), Instant.now(), Duration.ofSeconds(points.size()),
                    Duration.ofSeconds(points.size()), false, List.of(), series, new Histogram(3), new Fairness(0, 0, 0, 0, 1, 0, 0),
                    0, 10, null, List.of(), open ? null : List.copyOf(spells), 0, List.of(), "", null, Map.of());
        }

        RunResult run() {
            return run(false, Duration.ZERO);
        }
    }

    @Test
    void aClusterOfLostConnectionsIsAnOutageWithWhatFailedItsRecoveryAndItsCost() {
        Series s = new Series().steady(9, 100, 10, 20).add(50, 20, ErrorClass.CONNECTION_LOST, 12, 20)
                .add(80, 0, null, 30, 20).steady(8, 100, 10, 20);
        IntStream.range(0, 20).forEach(u -> s.failing(u, 9.4, 9.6));
        s.failing(5, 3, 3).failing(21, 15, 15);

        List<Outages.Outage> found = Outages.of(s.run()).outages();

        assertThat(found).hasSize(1);
        Outages.Outage o = found.get(0);
        assertThat(o.startedAtS()).isEqualTo(9);
        assertThat(o.endedAtS()).isEqualTo(10);
        assertThat(o.recoveredAtS()).isEqualTo(11);
        assertThat(o.recoverySeconds()).isEqualTo(2);
        assertThat(o.failuresByClass()[ErrorClass.CONNECTION_LOST.ordinal()]).isEqualTo(20);
        assertThat(o.failures()).isEqualTo(20);
        assertThat(o.operationsLost()).isCloseTo(50 + 20, within(1e-9));
        assertThat(o.usersGaveUp()).isEqualTo(20);
        assertThat(o.stalled()).isFalse();
        assertThat(o.baselineOpsPerSec()).isEqualTo(100);
        assertThat(o.worstP95Ms()).isEqualTo(30);
    }

    @Test
    void throughputFallingToNearZeroWithoutAFailureIsAStall() {
        Series s = new Series().steady(10, 100, 10, 20).add(3, 0, null, 900, 20).add(0, 0, null, 0, 20).steady(10, 100, 10, 20);

        Outages.Outage o = Outages.of(s.run()).outages().get(0);

        assertThat(o.stalled()).isTrue();
        assertThat(o.failures()).isZero();
        assertThat(o.startedAtS()).isEqualTo(10);
        assertThat(o.endedAtS()).isEqualTo(12);
        assertThat(o.recoverySeconds()).isEqualTo(2);
        assertThat(o.lowestOpsPerSec()).isZero();
        assertThat(o.operationsLost()).isCloseTo(197, within(1e-9));
    }

    @Test
    void noisyThroughputAndTheFailuresARunAlwaysHasAreNoOutage() {
        Random noise = new Random(3);
        Series s = new Series();
        for (int i = 0; i < 120; i++) {
            boolean fails = noise.nextInt(3) == 0;
            s.add(Math.round(100 * (0.75 + 0.5 * noise.nextDouble())), fails ? 1 + noise.nextInt(3) : 0, ErrorClass.UNIQUE_VIOLATION,
                    10 * (0.7 + 0.6 * noise.nextDouble()), 20);
        }

        assertThat(Outages.of(s.run()).outages()).isEmpty();
    }

    @Test
    void fewerUsersGivingFewerOperationsIsNoOutage() {
        Series s = new Series().steady(10, 400, 10, 40).steady(10, 40, 8, 4);

        assertThat(Outages.of(s.run()).outages()).isEmpty();
    }

    @Test
    void failuresDuringTheWarmUpOrBeforeAnyBaselineAreNoOutage() {
        Series early = new Series().steady(2, 100, 10, 20).add(0, 30, ErrorClass.CONNECTION_REFUSED, 0, 20).steady(12, 100, 10, 20);
        Series later = new Series().steady(3, 100, 10, 20).add(0, 30, ErrorClass.CONNECTION_REFUSED, 0, 20).steady(12, 100, 10, 20);

        assertThat(Outages.of(early.run()).outages()).isEmpty();
        assertThat(Outages.of(later.run()).outages()).hasSize(1);
        assertThat(Outages.of(later.run(false, Duration.ofSeconds(4))).outages()).isEmpty();
    }

    @Test
    void anOutageStillGoingAtTheEndHasNoRecoveryTimeSoARecoveryThresholdFailsIt() {
        Series s = new Series().steady(10, 100, 10, 20).add(0, 40, ErrorClass.CONNECTION_REFUSED, 0, 20)
                .add(0, 40, ErrorClass.CONNECTION_REFUSED, 0, 20).add(60, 0, null, 10, 20);
        RunResult run = s.run();
        Outages outages = Outages.of(run);

        assertThat(outages.outages()).singleElement().satisfies(o -> {
            assertThat(o.recoveredAtS()).isNull();
            assertThat(o.endedAtS()).isEqualTo(12);
            assertThat(o.operationsLost()).isCloseTo(240, within(1e-9));
        });
        Verdict verdict = Verdict.of(run, RunSummary.of(run), outages, List.of(Threshold.parse("recovery_time<5s"),
                Threshold.parse("outage_failures<100"), Threshold.parse("outages<1")));
        assertThat(verdict.results()).extracting(Verdict.Result::passed).containsExactly(false, true, false);
        assertThat(verdict.results().get(0).measuredAtAll()).isFalse();
        assertThat(verdict.results().get(1).measured()).isEqualTo(80);
        assertThat(verdict.results().get(2).measured()).isEqualTo(1);
    }

    @Test
    void aRunWithoutOutagesPassesItsOutageThresholds() {
        RunResult run = new Series().steady(20, 100, 10, 20).run();
        Outages outages = Outages.of(run);

        assertThat(outages.longestRecoverySeconds()).isZero();
        assertThat(Verdict.of(run, RunSummary.of(run), outages, List.of(Threshold.parse("recovery_time<5s"),
                Threshold.parse("outages<1"))).go()).isTrue();
    }

    @Test
    void twoOutagesApartAreTwoEachWithItsOwnBaseline() {
        Series s = new Series().steady(5, 100, 10, 20).add(0, 20, ErrorClass.CONNECTION_LOST, 0, 20).steady(6, 100, 10, 20)
                .add(0, 20, ErrorClass.CONNECTION_LOST, 0, 20).steady(4, 100, 10, 20);

        assertThat(Outages.of(s.run()).outages()).extracting(Outages.Outage::startedAtS).containsExactly(5.0, 12.0);
    }

    @Test
    void inTheOpenModelEveryFailedArrivalIsAUserWhoGaveUp() {
        Series s = new Series().steady(10, 100, 10, 20).add(40, 25, ErrorClass.POOL_TIMEOUT, 10, 60).steady(5, 100, 10, 20);

        assertThat(Outages.of(s.run(true, Duration.ZERO)).outages()).singleElement()
                .satisfies(o -> assertThat(o.usersGaveUp()).isEqualTo(25));
    }
}
