package io.dbsim.engine;

import io.dbsim.settings.RunSettings;
import io.dbsim.settings.ThreadModel;

import java.util.Locale;

/**
 * What a run's users ran on, and why, as the report states it. Auto gives each user an OS thread while the users are
 * few: a platform thread blocks in the socket read and is woken by the kernel, where a virtual thread parks, waits for
 * the poller and then for a free carrier, which cost about a fifth of a two-core machine's primary-key reads when
 * measured. Many users get virtual threads, which need no stack of their own while they think.
 *
 * @param model    PLATFORM or VIRTUAL, never AUTO
 * @param carriers the virtual threads' carrier threads; 0 for platform threads
 */
public record ThreadChoice(ThreadModel model, int carriers, String reason) {

    /** Auto's largest user count on platform threads. */
    public static final int PLATFORM_UP_TO = 256;

    public static ThreadChoice of(RunSettings settings) {
        int peak = settings.peakUsers();
        String users = String.format(Locale.ROOT, "%,d %s at once", peak, peak == 1 ? "user" : "users");
        return switch (settings.threads()) {
            case PLATFORM -> platform("--threads platform, " + users);
            case VIRTUAL -> virtual("--threads virtual, " + users);
            case AUTO -> peak <= PLATFORM_UP_TO
                    ? platform("auto: " + users + ", " + PLATFORM_UP_TO + " or fewer get an OS thread each")
                    : virtual("auto: " + users + ", more than the " + PLATFORM_UP_TO + " that get OS threads");
        };
    }

    private static ThreadChoice platform(String why) {
        return new ThreadChoice(ThreadModel.PLATFORM, 0, why);
    }

    private static ThreadChoice virtual(String why) {
        return new ThreadChoice(ThreadModel.VIRTUAL, schedulerParallelism(), why);
    }

    /** The virtual-thread scheduler's parallelism, as the JDK sets it: its property, else one carrier per core. */
    private static int schedulerParallelism() {
        Integer set = Integer.getInteger("jdk.virtualThreadScheduler.parallelism");
        return set != null ? set : Runtime.getRuntime().availableProcessors();
    }
}
