package io.dbsim.workload;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** What users do: either one weighted mix of operations, or a population mixing several of those. */
public sealed interface Pattern permits Pattern.OperationMix, Pattern.UserMix {

    String name();

    String description();

    /** The pattern each of `users` users follows: shares allotted by largest remainder, so they are exact. */
    List<OperationMix> assign(int users);

    /** Expected share of each operation among all operations, when every user does as many. */
    Map<String, Double> expectedShares(int users);

    /**
     * One mix with the operation shares of the whole population, for every user alike. A sweep needs
     * it: allotting user types to 1, 2, 3... users gives each step a different mix of operations, and
     * the steps would measure the mix, not the concurrency.
     */
    OperationMix blended();

    /** Every operation mix in the pattern: itself, or the user types of a population. */
    List<OperationMix> mixes();

    /**
     * A weighted mix of operations; picking one costs a binary search, no allocation. A flow is a
     * journey instead: its users run the operations in order, and the whole journey is measured too.
     */
    record OperationMix(String name, String description, List<Operation> operations, double[] cumulative,
                        ThinkTime thinkTime, boolean flow) implements Pattern {

        /** Running sums of the weights, in order: what a draw of the operation mix searches. */
        static double[] cumulative(java.util.Collection<Double> weights) {
            double[] cumulative = new double[weights.size()];
            double sum = 0;
            int i = 0;
            for (double w : weights) {
                sum += w;
                cumulative[i++] = sum;
            }
            return cumulative;
        }

        @Override
        public List<OperationMix> mixes() {
            return List.of(this);
        }

        public Operation pick(SplittableRandom r) {
            double x = r.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, x);
            return operations.get(i >= 0 ? Math.min(i + 1, operations.size() - 1) : -i - 1);
        }

        @Override
        public List<OperationMix> assign(int users) {
            return Collections.nCopies(users, this);
        }

        @Override
        public OperationMix blended() {
            return this;
        }

        @Override
        public Map<String, Double> expectedShares(int users) {
            Map<String, Double> shares = new LinkedHashMap<>();
            double total = cumulative[cumulative.length - 1];
            double previous = 0;
            for (int i = 0; i < operations.size(); i++) {
                shares.merge(operations.get(i).name(), (cumulative[i] - previous) / total, Double::sum);
                previous = cumulative[i];
            }
            return shares;
        }
    }

    /** A population: each user follows one of several operation mixes, in the given shares. */
    record UserMix(String name, String description, List<OperationMix> patterns, double[] shares) implements Pattern {

        @Override
        public List<OperationMix> mixes() {
            return patterns;
        }

        @Override
        public List<OperationMix> assign(int users) {
            double total = Arrays.stream(shares).sum();
            int[] counts = new int[shares.length];
            double[] remainders = new double[shares.length];
            int given = 0;
            for (int i = 0; i < shares.length; i++) {
                double exact = users * shares[i] / total;
                counts[i] = (int) Math.floor(exact);
                remainders[i] = exact - counts[i];
                given += counts[i];
            }
            while (given < users) {
                int best = 0;
                for (int i = 1; i < shares.length; i++) {
                    if (remainders[i] > remainders[best]) {
                        best = i;
                    }
                }
                counts[best]++;
                remainders[best] = -1;
                given++;
            }
            // Interleave, so that a ramp-up starts every kind of user early rather than one kind after another.
            List<OperationMix> assigned = new ArrayList<>(users);
            int[] used = new int[shares.length];
            for (int u = 0; u < users; u++) {
                int pick = 0;
                double bestLag = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < shares.length; i++) {
                    double lag = (double) counts[i] * (u + 1) / users - used[i];
                    if (used[i] < counts[i] && lag > bestLag) {
                        bestLag = lag;
                        pick = i;
                    }
                }
                used[pick]++;
                assigned.add(patterns.get(pick));
            }
            return assigned;
        }

        /** Think time follows the first user type's distribution: the blend is for sweeps, which think alike. */
        @Override
        public OperationMix blended() {
            double total = Arrays.stream(shares).sum();
            Map<String, Operation> byName = new LinkedHashMap<>();
            patterns.forEach(mix -> mix.operations().forEach(op -> byName.putIfAbsent(op.name(), op)));
            Map<Operation, Double> weights = new LinkedHashMap<>();
            for (int p = 0; p < patterns.size(); p++) {
                double userShare = shares[p] / total;
                for (Map.Entry<String, Double> e : patterns.get(p).expectedShares(1).entrySet()) {
                    weights.merge(byName.get(e.getKey()), userShare * e.getValue(), Double::sum);
                }
            }
            return new OperationMix(name, description + " (blended into one mix of operations)", List.copyOf(weights.keySet()),
                    OperationMix.cumulative(weights.values()), patterns.get(0).thinkTime(), false);
        }

        @Override
        public Map<String, Double> expectedShares(int users) {
            Map<String, Double> shares = new LinkedHashMap<>();
            for (OperationMix mix : assign(users)) {
                mix.expectedShares(1).forEach((op, share) -> shares.merge(op, share / users, Double::sum));
            }
            return shares;
        }
    }
}
