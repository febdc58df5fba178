package org.ltpsim.spine;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Stochastic release: each site releases with its probability, one uniform per site (Binomial(sites, p) by
 * inversion site by site; consumes exactly {@code sites} uniforms per call, so streams stay in step across runs).
 */
public final class BernoulliRelease implements Release {
    private final UniformRandomProvider rng;

    public BernoulliRelease(UniformRandomProvider rng) {
        this.rng = rng;
    }

    @Override
    public double vesicles(int sites, double probability) {
        int released = 0;
        for (int s = 0; s < sites; s++) {
            if (rng.nextDouble() < probability) {
                released++;
            }
        }
        return released;
    }
}
