package org.ltpsim.stats;

/**
 * Count, mean and sum of squared deviations of a stream of values (Welford 1962), mergeable with Chan et al.'s
 * (1979) pairwise formula. Blocks keep their own and are merged in block order, so the result does not depend on
 * the thread count.
 */
public final class RunningStats {
    private long count;
    private double mean;
    private double sumSquaredDeviations;

    /** Empty: no value yet. */
    public RunningStats() {}

    /**
     * The statistics of {@code count} values with this mean and sum of squared deviations from it, accumulated
     * elsewhere (e.g. by the Youngs &amp; Cramer update over a block), to be merged.
     */
    public static RunningStats of(long count, double mean, double sumSquaredDeviations) {
        if (count < 0 || !(sumSquaredDeviations >= 0)) {
            throw new IllegalArgumentException("need count >= 0 and a sum of squared deviations >= 0: " + count
                    + ", " + sumSquaredDeviations);
        }
        RunningStats stats = new RunningStats();
        stats.count = count;
        stats.mean = count == 0 ? 0.0 : mean;
        stats.sumSquaredDeviations = count == 0 ? 0.0 : sumSquaredDeviations;
        return stats;
    }

    public void add(double value) {
        count++;
        double delta = value - mean;
        mean += delta / count;
        sumSquaredDeviations += delta * (value - mean);
    }

    /** Folds {@code other} into this one. */
    public void merge(RunningStats other) {
        if (other.count == 0) {
            return;
        }
        if (count == 0) {
            count = other.count;
            mean = other.mean;
            sumSquaredDeviations = other.sumSquaredDeviations;
            return;
        }
        long total = count + other.count;
        double delta = other.mean - mean;
        mean += delta * other.count / total;
        sumSquaredDeviations += other.sumSquaredDeviations + delta * delta * ((double) count * other.count / total);
        count = total;
    }

    public long count() {
        return count;
    }

    /** The running sum of squared deviations from the mean (state, for exact saving). */
    public double sumSquaredDeviations() {
        return sumSquaredDeviations;
    }

    /** The running mean (state, for exact saving: 0 when empty, where {@link #mean} says NaN). */
    public double rawMean() {
        return mean;
    }

    public double mean() {
        return count == 0 ? Double.NaN : mean;
    }

    /** Sample standard deviation (divisor n - 1); 0 for a single value. */
    public double sampleSd() {
        return count < 2 ? 0.0 : Math.sqrt(sumSquaredDeviations / (count - 1));
    }

    /** Population variance (divisor n). */
    public double populationVariance() {
        return count == 0 ? Double.NaN : sumSquaredDeviations / count;
    }
}
