package org.ltpsim.stats;

/**
 * Sum and sum of squared deviations of values added one at a time, kept in the cells of two arrays (structure of
 * arrays: one pair of doubles per cell, no object). Youngs &amp; Cramer's (1971) update, numerically stable like
 * Welford's (Chan, Golub &amp; LeVeque 1983), unlike {@code sumOfSquares - n mean^2}, which loses every digit when
 * the mean is large against the spread. A cell's statistics merge with others' through {@link RunningStats#of}.
 */
public final class YoungsCramer {
    private YoungsCramer() {}

    /**
     * Adds {@code value} to cell {@code cell}, where it is value number {@code count} (from 1) of that cell:
     * {@code sum += value}, then {@code ssd += (count value - sum)^2 / (count (count - 1))}.
     */
    public static void add(double[] sum, double[] sumSquaredDeviations, int cell, double value, int count) {
        assert count >= 1 : "count " + count;
        double s = sum[cell] += value;
        if (count > 1) {
            double d = count * value - s;
            sumSquaredDeviations[cell] += d * d / ((double) count * (count - 1));
        }
    }
}
