package io.dbsim.engine;

import io.dbsim.settings.ThreadModel;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Starts the run's users on the threads its {@link ThreadChoice} names: a closed-model user gets a thread of its own;
 * open-model arrivals reuse idle platform threads (starting an OS thread per arrival would cost more than many
 * operations) or get a new virtual thread each.
 */
final class UserThreads implements AutoCloseable {

    private final Thread.Builder users;
    private final ExecutorService arrivals;

    UserThreads(ThreadModel model) {
        this.users = model == ThreadModel.PLATFORM ? Thread.ofPlatform().daemon() : Thread.ofVirtual();
        this.arrivals = model == ThreadModel.PLATFORM
                ? Executors.newCachedThreadPool(Thread.ofPlatform().daemon().name("arrival-", 0).factory())
                : Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("arrival-", 0).factory());
    }

    Thread start(String name, Runnable user) {
        return users.name(name).start(user);
    }

    void arrive(Runnable arrival) {
        arrivals.execute(arrival);
    }

    @Override
    public void close() {
        arrivals.shutdown();
    }
}
