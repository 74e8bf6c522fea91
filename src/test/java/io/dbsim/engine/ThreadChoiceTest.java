package io.dbsim.engine;

import io.dbsim.settings.RunSettings;
import io.dbsim.settings.SettingsLayer;
import io.dbsim.settings.Stage;
import io.dbsim.settings.ThreadModel;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Auto gives few users OS threads and many users virtual ones; a flag decides for itself; the threads are what was chosen. */
class ThreadChoiceTest {

    private static RunSettings settings(SettingsLayer layer) {
        return SettingsLayer.resolve(List.of(SettingsLayer.DEFAULTS, layer));
    }

    @Test
    void autoGivesPlatformThreadsUpToItsLimitAndVirtualThreadsBeyond() {
        ThreadChoice few = ThreadChoice.of(settings(SettingsLayer.EMPTY.with("users", ThreadChoice.PLATFORM_UP_TO)));
        ThreadChoice many = ThreadChoice.of(settings(SettingsLayer.EMPTY.with("users", ThreadChoice.PLATFORM_UP_TO + 1)));

        assertThat(few.model()).isEqualTo(ThreadModel.PLATFORM);
        assertThat(few.carriers()).isZero();
        assertThat(few.reason()).startsWith("auto: " + ThreadChoice.PLATFORM_UP_TO + " users at once");
        assertThat(many.model()).isEqualTo(ThreadModel.VIRTUAL);
        assertThat(many.carriers()).isEqualTo(Runtime.getRuntime().availableProcessors());
        assertThat(many.reason()).startsWith("auto: " + (ThreadChoice.PLATFORM_UP_TO + 1) + " users at once");
    }

    @Test
    void autoCountsTheHighestStageAndTheOpenModelsOperationsInFlight() {
        RunSettings staged = settings(SettingsLayer.EMPTY.with("users", 1).with("stages",
                List.of(new Stage(Duration.ofSeconds(5), 10), new Stage(Duration.ofSeconds(5), 2_000), new Stage(Duration.ofSeconds(5), 0))));
        RunSettings open = settings(SettingsLayer.EMPTY.with("ratePerSecond", 500.0).with("duration", Duration.ofSeconds(10))
                .with("maxUsers", 100));

        assertThat(ThreadChoice.of(staged).model()).isEqualTo(ThreadModel.VIRTUAL);
        assertThat(ThreadChoice.of(staged).reason()).contains("2,000 users at once");
        assertThat(ThreadChoice.of(open).model()).isEqualTo(ThreadModel.PLATFORM);
        assertThat(ThreadChoice.of(open).reason()).contains("100 users at once");
    }

    @Test
    void theFlagWinsOverAutosRule() {
        ThreadChoice virtual = ThreadChoice.of(settings(SettingsLayer.EMPTY.with("users", 8).with("threads", ThreadModel.VIRTUAL)));
        ThreadChoice platform = ThreadChoice.of(settings(SettingsLayer.EMPTY.with("users", 5_000).with("threads", ThreadModel.PLATFORM)));

        assertThat(virtual.model()).isEqualTo(ThreadModel.VIRTUAL);
        assertThat(virtual.reason()).isEqualTo("--threads virtual, 8 users at once");
        assertThat(platform.model()).isEqualTo(ThreadModel.PLATFORM);
        assertThat(platform.reason()).isEqualTo("--threads platform, 5,000 users at once");
    }

    @Test
    void usersAndArrivalsRunOnTheChosenKindOfThread() throws Exception {
        for (ThreadModel model : List.of(ThreadModel.PLATFORM, ThreadModel.VIRTUAL)) {
            try (UserThreads threads = new UserThreads(model)) {
                CompletableFuture<Boolean> user = new CompletableFuture<>();
                CompletableFuture<Boolean> arrival = new CompletableFuture<>();
                Thread started = threads.start("user-0", () -> user.complete(Thread.currentThread().isVirtual()));
                threads.arrive(() -> arrival.complete(Thread.currentThread().isVirtual()));

                boolean virtual = model == ThreadModel.VIRTUAL;
                assertThat(started.getName()).isEqualTo("user-0");
                assertThat(started.isDaemon()).isTrue();
                assertThat(user.get(5, TimeUnit.SECONDS)).as(model + " user").isEqualTo(virtual);
                assertThat(arrival.get(5, TimeUnit.SECONDS)).as(model + " arrival").isEqualTo(virtual);
            }
        }
    }
}
