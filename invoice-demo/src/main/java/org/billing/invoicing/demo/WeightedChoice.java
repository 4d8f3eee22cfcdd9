package org.billing.invoicing.demo;

import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight. */
final class WeightedChoice {

    private final long[] cumulative;

    WeightedChoice(long[] weights) {
        cumulative = new long[weights.length];
        long total = 0;
        for (int i = 0; i < weights.length; i++) {
            if (weights[i] < 0) {
                throw new IllegalArgumentException("negative weight at " + i);
            }
            total += weights[i];
            cumulative[i] = total;
        }
        if (total == 0) {
            throw new IllegalArgumentException("no positive weight");
        }
    }

    int pick(SplittableRandom random) {
        long target = random.nextLong(cumulative[cumulative.length - 1]);
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) { // the first index whose cumulative weight exceeds target
            int mid = (low + high) >>> 1;
            if (cumulative[mid] > target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low;
    }
}
