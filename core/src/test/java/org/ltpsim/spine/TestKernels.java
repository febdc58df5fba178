package org.ltpsim.spine;

import org.apache.commons.statistics.distribution.BetaDistribution;

/** What the spine tests run on, and the binomial bounds they state. */
public final class TestKernels {
    private TestKernels() {}

    /** The channel kernels the spine tests use. */
    public static ChannelFactory channels() {
        return new ReceptorChannels();
    }

    /** One-sided Clopper-Pearson lower bound on p from k successes in n, at error rate alpha. */
    public static double lowerBound(int k, int n, double alpha) {
        return k == 0 ? 0 : BetaDistribution.of(k, n - k + 1.0).inverseCumulativeProbability(alpha);
    }

    /** One-sided Clopper-Pearson upper bound on p from k successes in n, at error rate alpha. */
    public static double upperBound(int k, int n, double alpha) {
        return k == n ? 1 : BetaDistribution.of(k + 1.0, n - k).inverseCumulativeProbability(1 - alpha);
    }
}
