package org.ltpsim.camkii;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Binomial(n, p) variates by inversion of the distribution function with the recurrence P(x+1) = P(x) (n-x)/(x+1)
 * p/q (algorithm BINV of Kachitvichyanukul and Schmeiser 1988; Devroye 1986, X.4). Meant for the small means of the
 * CaMKII kernel's lumped steps (a few per call): the cost grows with the mean, min(p, 1-p) n. One uniform per call
 * (one per half when P(0) would underflow, which splits n: Bin(n, p) = Bin(n/2, p) + Bin(n - n/2, p)).
 */
final class BinomialInversion {
    private BinomialInversion() {
    }

    /** A Binomial(n, p) variate; n >= 0, 0 <= p <= 1 (asserted: the kernel computes them). */
    static int sample(UniformRandomProvider rng, int n, double p) {
        return sample(rng, n, p, Math.log1p(-p));
    }

    /** As {@link #sample(UniformRandomProvider, int, double)} with {@code log1mp} = log(1 - p) given (reused). */
    static int sample(UniformRandomProvider rng, int n, double p, double log1mp) {
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
        double logP0 = n * log1mp;
        if (logP0 < -600) { // P(0) would underflow: split the trials
            int half = n / 2;
            return sample(rng, half, p, log1mp) + sample(rng, n - half, p, log1mp);
        }
        double f = Math.exp(logP0); // P(X = 0)
        double odds = p / (1 - p);
        double u = rng.nextDouble();
        int x = 0;
        while (u > f && x < n) {
            u -= f;
            f *= odds * (n - x) / (x + 1);
            x++;
        }
        return x;
    }
}
