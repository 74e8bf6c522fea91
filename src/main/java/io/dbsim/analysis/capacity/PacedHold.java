package io.dbsim.analysis.capacity;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much longer a connection is held when operations follow users' pauses than when they run back to back,
 * against the share of the peak the users ask for: the sweep's paced steps ({@link PacedStep}) over what the USL
 * fitted to its closed steps gives at the same busy concurrency. Measured here it depends on the load, not on the
 * pause: a few users pausing hold as long as back to back; a thousand users about twice as long at a quarter to half
 * of the peak, where each operation wakes a sleeping backend and a parked user on a busy host, and less at three
 * quarters, where connections idle less between operations.
 *
 * <p>Between measured shares the ratio is interpolated linearly from 1 at no load; past the highest measured share it
 * stays at that share's ratio rather than being extrapolated.
 *
 * @param referencePeak the closed steps' highest throughput, the base of every share
 */
public record PacedHold(List<Point> points, double referencePeak) {

    /** No paced steps: holds as back to back. */
    public static final PacedHold NONE = new PacedHold(List.of(), 0);

    /**
     * @param share            the paced step's throughput over the reference peak
     * @param holdMs           its mean hold time
     * @param busy             its busy connections by Little's law
     * @param backToBackHoldMs what the USL gives at that concurrency (at least one connection) with no pauses
     * @param p95OverMean      its response time's p95 over its mean
     */
    public record Point(int users, double thinkTimeMs, double share, double holdMs, double busy, double backToBackHoldMs,
                        double p95OverMean) {

        /** At least 1: a pause is not taken to make the database faster. */
        public double ratio() {
            return backToBackHoldMs <= 0 ? 1 : Math.max(1, holdMs / backToBackHoldMs);
        }
    }

    public PacedHold {
        points = points.stream().sorted(Comparator.comparingDouble(Point::share)).toList();
    }

    public static PacedHold of(List<PacedStep> paced, List<SweepStep> closed, UslModel usl) {
        double peak = closed.stream().mapToDouble(SweepStep::throughput).max().orElse(0);
        List<Point> points = new ArrayList<>();
        for (PacedStep p : paced) {
            SweepStep s = p.measured();
            if (s.interrupted() || s.operations() == 0 || s.throughput() <= 0 || peak <= 0) {
                continue;
            }
            double busy = Math.max(1, s.busyLittle());
            double backToBack = 1000 * busy / usl.throughput(busy);
            points.add(new Point(s.users(), p.thinkTimeMs(), s.throughput() / peak, s.holdMeanMs(), s.busyLittle(), backToBack,
                    s.meanMs() > 0 ? s.p95Ms() / s.meanMs() : 1));
        }
        return points.isEmpty() ? NONE : new PacedHold(points, peak);
    }

    public boolean none() {
        return points.isEmpty();
    }

    /** The hold time's ratio to back to back at a throughput of {@code throughput} operations per second. */
    public double factorAt(double throughput) {
        return ratioAt(throughput / referencePeak);
    }

    double ratioAt(double share) {
        if (none() || share <= 0) {
            return 1;
        }
        double fromShare = 0;
        double fromRatio = 1;
        for (Point p : points) {
            if (share <= p.share()) {
                double width = p.share() - fromShare;
                return width <= 0 ? p.ratio() : fromRatio + (share - fromShare) / width * (p.ratio() - fromRatio);
            }
            fromShare = p.share();
            fromRatio = p.ratio();
        }
        return fromRatio;
    }

    /**
     * The ratio with users queueing for every connection: the paced step of highest share's, the one whose connections
     * idled least (on a pool of the peak concurrency it queues). A connection then goes from one operation to the next without
     * a backend waking, but the users' wake-ups still take the host's CPU: at 4,000 users on a pool of 8 above the
     * peak, measured 1.38 and 1.49 times the back-to-back hold (bench/capacity-at-target).
     */
    public double queueingFactor() {
        return none() ? 1 : points.getLast().ratio();
    }

    /** The measured point closest in share to a throughput; call only when there are points. */
    public Point closestTo(double throughput) {
        double share = throughput / referencePeak;
        return points.stream().min(Comparator.comparingDouble(p -> Math.abs(p.share() - share))).orElseThrow();
    }
}
