package io.dbsim.analysis.capacity;

/**
 * A sweep step run as a target runs: many users who think between operations, offering a set share of the peak the
 * closed steps measured. It measures what back-to-back steps cannot: how long a connection is held when every
 * operation follows a pause.
 *
 * @param thinkTimeMs the users' mean think time
 * @param peakShare   the throughput asked for, as a share of the closed steps' highest
 * @param measured    what it measured after its warm-up
 */
public record PacedStep(double thinkTimeMs, double peakShare, SweepStep measured) {
}
