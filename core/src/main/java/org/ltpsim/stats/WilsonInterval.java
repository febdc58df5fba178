package org.ltpsim.stats;

/**
 * The Wilson score interval for a binomial proportion (Wilson 1927, JASA 22:209; method 3 of Newcombe 1998,
 * Stat Med 17:857, which recommends it over the Wald interval): the set of p whose score test at level alpha does not
 * reject k successes in n trials. Unlike the Wald interval it stays inside [0, 1] and is not degenerate at k = 0 or
 * k = n: 0 of 10 gives [0, 0.2775].
 *
 * @param lower lower bound, in [0, 1]; exactly 0 when k = 0
 * @param upper upper bound, in [0, 1]; exactly 1 when k = n
 */
public record WilsonInterval(double lower, double upper) {
    /** The standard normal 97.5% quantile: the z of a two-sided 95% interval. */
    public static final double Z_95 = 1.959963984540054;

    /** The 95% interval for {@code successes} of {@code trials}. */
    public static WilsonInterval of95(long successes, long trials) {
        return of(successes, trials, Z_95);
    }

    /**
     * The interval for {@code successes} of {@code trials} at the normal quantile {@code z}:
     * centre (p + z^2/2n) / (1 + z^2/n), half-width z / (1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2), p = k/n.
     *
     * @throws IllegalArgumentException unless 0 &lt;= successes &lt;= trials, trials &gt;= 1 and z &gt; 0
     */
    public static WilsonInterval of(long successes, long trials, double z) {
        if (trials < 1 || successes < 0 || successes > trials) {
            throw new IllegalArgumentException("need 0 <= successes <= trials and trials >= 1: " + successes + " of "
                    + trials);
        }
        if (!(z > 0) || Double.isInfinite(z)) {
            throw new IllegalArgumentException("z must be finite and > 0: " + z);
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double lower = successes == 0 ? 0 : Math.max(0, centre - half);
        double upper = successes == trials ? 1 : Math.min(1, centre + half);
        return new WilsonInterval(lower, upper);
    }
}
