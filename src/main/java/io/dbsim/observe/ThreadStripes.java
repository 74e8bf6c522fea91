package io.dbsim.observe;

/**
 * Which of a few stripes the current thread writes its measurements to. Every operation of every user records
 * latencies; when all of them update one histogram, both cores keep taking its cache lines from each other (about a
 * twentieth of dbsim's client CPU per select-only transaction, profiled). Threads spread over stripes (twice the
 * cores, rounded up to a power of two, at most 16) touch shared lines only when two of them meet in one stripe.
 */
public final class ThreadStripes {

    public static final int COUNT = count(Runtime.getRuntime().availableProcessors());
    private static final int SHIFT = 64 - Integer.numberOfTrailingZeros(COUNT);

    private ThreadStripes() {
    }

    static int count(int cores) {
        return Math.min(16, Integer.highestOneBit(Math.max(1, cores) * 4 - 1));
    }

    /** The current thread's stripe, 0 to COUNT - 1; threads made one after another get different ones (Fibonacci hashing). */
    public static int current() {
        return (int) ((Thread.currentThread().threadId() * 0x9E3779B97F4A7C15L) >>> SHIFT);
    }
}
