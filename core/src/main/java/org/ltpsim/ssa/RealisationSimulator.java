package org.ltpsim.ssa;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * One scalar simulation method: runs single realisations, one after another, on one thread. An instance owns its
 * scratch arrays, so each block makes its own.
 */
interface RealisationSimulator {
    /**
     * Simulates one realisation from the network's initial state.
     *
     * @param rng  the realisation's own stream
     * @param row  receives species s at output time k in {@code row[k * speciesCount + s]}
     * @return reaction events fired
     */
    long run(UniformRandomProvider rng, double[] row);
}
