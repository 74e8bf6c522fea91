package io.dbsim.workload;

import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;

/**
 * How long each command of a run's scripts and workload-file operations took, as pgbench -r reports it: the
 * latencies of the commands that completed, in nanoseconds (a \set takes well under a microsecond), and how many
 * failed. One per run; recording is wait-free, so every user records into the same histograms.
 */
public final class CommandLatencies {

    /** For runs that do not time commands: every operation gets {@link Recorder#NONE}. */
    public static final CommandLatencies NONE = new CommandLatencies(List.of(), new Recorder[0]);

    /** What one command measured over the run. */
    public record Stat(String operation, int index, Command command, Histogram latencyNanos, long failed) {
    }

    private final List<Operation> operations;
    private final Recorder[] recorders;

    private CommandLatencies(List<Operation> operations, Recorder[] recorders) {
        this.operations = operations;
        this.recorders = recorders;
    }

    /** Recorders for every operation whose work is made of commands. */
    public static CommandLatencies of(List<Operation> operations) {
        Recorder[] recorders = new Recorder[operations.size()];
        for (Operation op : operations) {
            recorders[op.index()] = op.work() instanceof CommandWork work ? new Recorder(work.commands().size()) : Recorder.NONE;
        }
        return new CommandLatencies(List.copyOf(operations), recorders);
    }

    Recorder recorder(int operation) {
        return operation < recorders.length ? recorders[operation] : Recorder.NONE;
    }

    /** Every timed command, in operation and command order; call once the run's users have stopped. */
    public List<Stat> stats() {
        List<Stat> stats = new ArrayList<>();
        for (Operation op : operations) {
            if (op.work() instanceof CommandWork work) {
                Recorder r = recorders[op.index()];
                for (int i = 0; i < work.commands().size(); i++) {
                    stats.add(new Stat(op.name(), i, work.commands().get(i), r.latencies[i].getIntervalHistogram(), r.failed[i].sum()));
                }
            }
        }
        return List.copyOf(stats);
    }

    /** One operation's commands: a latency histogram and a failure count each. */
    public static final class Recorder {

        /** Records nothing. */
        public static final Recorder NONE = new Recorder(0);

        private final org.HdrHistogram.Recorder[] latencies;
        private final LongAdder[] failed;

        private Recorder(int commands) {
            latencies = new org.HdrHistogram.Recorder[commands];
            failed = new LongAdder[commands];
            for (int i = 0; i < commands; i++) {
                latencies[i] = new org.HdrHistogram.Recorder(3);
                failed[i] = new LongAdder();
            }
        }

        /** Whether it keeps anything: a run without -r need not read the clock for it. */
        public boolean records() {
            return latencies.length > 0;
        }

        public void completed(int command, long nanos) {
            if (command < latencies.length) {
                latencies[command].recordValue(Math.max(0, nanos));
            }
        }

        public void failed(int command) {
            if (command >= 0 && command < failed.length) {
                failed[command].increment();
            }
        }
    }
}
