package org.ltpsim.camkii;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Binomial(n, p) variates by inversion of the distribution function with the recurrence P(x+1) = P(x) (n-x)/(x+1)
 * p/q (algorithm BINV of Kachitvichyanukul and Schmeiser 1988; Devroye 1986, X.4). Meant for the small means of the
 * CaMKII kernel's lumped steps (a few per call): the cost grows with the mean, min(p, 1-p) n. One uniform per call
 * (one per half when P(0) would underflow, which splits n: Bin(n, p) = Bin(n/2, p) + Bin(n - n/2, p)).
 */
final class BinomialInversion {
    /** 1 / (x + 1): the search's recurrence multiplies instead of dividing (a division's latency per step). */
    private static final double[] RECIPROCALS = new double[64];

    static {
        for (int x = 0; x < RECIPROCALS.length; x++) {
            RECIPROCALS[x] = 1.0 / (x + 1);
        }
    }

    private BinomialInversion() {
    }

    /** A Binomial(n, p) variate; n >= 0, 0 <= p <= 1 (asserted: the kernel computes them). */
    static int sample(UniformRandomProvider rng, int n, double p) {
        assert n >= 0 && p >= 0 && p <= 1 : "n " + n + ", p " + p;
        if (n == 0 || p <= 0) {
            return 0;
        }
        if (p >= 1) {
            return n;
        }
        if (p > 0.5) {
            return n - sample(rng, n, 1 - p); // the shorter search
        }
        double f = Math.pow(1 - p, n); // P(X = 0) (Math.pow is an intrinsic; Math.log1p is not)
        if (f < 1e-250) { // underflowing: split the trials
            int half = n / 2;
            return sample(rng, half, p) + sample(rng, n - half, p);
        }
        double odds = p / (1 - p);
        double u = rng.nextDouble();
        int x = 0;
        while (u > f && x < n) {
            u -= f;
            f *= odds * (n - x) * (x < RECIPROCALS.length ? RECIPROCALS[x] : 1.0 / (x + 1));
            x++;
        }
        return x;
    }
}
