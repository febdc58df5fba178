package org.ltpsim.spine;

/** Vesicle release at one spine for one presynaptic spike: how many vesicles (each adds the peak glutamate). */
public interface Release {
    /**
     * Vesicles released from {@code sites} sites of release probability {@code probability}: a whole number for
     * stochastic release, a real number in the mean-field limit.
     */
    double vesicles(int sites, double probability);
}
