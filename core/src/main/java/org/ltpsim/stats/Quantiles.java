package org.ltpsim.stats;

import java.util.Arrays;

/**
 * Sample quantiles by linear interpolation between order statistics: definition 7 of Hyndman &amp; Fan 1996
 * (Am Stat 50:361), the default of R and NumPy. For sorted x_1 .. x_n and probability p, h = (n - 1) p and
 * Q(p) = x_floor(h) + (h - floor(h)) (x_floor(h)+1 - x_floor(h)) (0-based indices). Q(0) is the minimum, Q(1)
 * the maximum.
 */
public final class Quantiles {
    private final double[] sorted;

    private Quantiles(double[] sorted) {
        this.sorted = sorted;
    }

    /** Quantiles of {@code values} (copied; NaN refused). */
    public static Quantiles of(double[] values) {
        if (values.length == 0) {
            throw new IllegalArgumentException("quantiles need at least one value");
        }
        double[] copy = values.clone();
        for (double v : copy) {
            if (Double.isNaN(v)) {
                throw new IllegalArgumentException("quantiles of NaN are undefined");
            }
        }
        Arrays.sort(copy);
        return new Quantiles(copy);
    }

    /** The p-quantile, p in [0, 1]. */
    public double at(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1]: " + p);
        }
        double h = (sorted.length - 1) * p;
        int lower = (int) Math.floor(h);
        if (lower >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[lower] + (h - lower) * (sorted[lower + 1] - sorted[lower]);
    }
}
