package org.ltpsim.spine;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.camkii.CamkiiParameters;
import org.ltpsim.camkii.CamkiiPopulation;
import org.ltpsim.camkii.CamkiiPopulations;
import org.ltpsim.channels.ChannelPopulation;

/**
 * Makes the channel populations of one branch (one per receptor type) and says which of their states can still
 * conduct with no glutamate present. The spine model drives them; the kernels live in {@code org.ltpsim.channels}.
 *
 * <p>Requirement on the kernel: {@code advance(dtMs, glutamate)} is exact (in distribution) for glutamate frozen
 * over the step, for any {@code dtMs}: the spine model takes longer steps once glutamate has cleared and one long
 * step across a silent gap.
 *
 * <p>It also makes a branch's other sources of noise (release, CaMKII): the defaults are the stochastic kernels;
 * {@link MeanFieldSources} replaces any of them by their large-number limit.
 */
public interface ChannelFactory {
    /** A population with {@code channelsPerSpine[i]} channels on spine i, all resting, drawing from {@code rng}. */
    ChannelPopulation create(Receptor receptor, int[] channelsPerSpine, UniformRandomProvider rng);

    /**
     * Whether spine {@code spine} of {@code population} has a channel that is open or can open without glutamate
     * (for AMPA5: C2, O, D2; for NMDA5: C2, O, D). When no spine of a branch has one, no glutamate is present and
     * voltage and calcium are at rest, nothing electrical can happen until the next input.
     */
    boolean mayConduct(Receptor receptor, ChannelPopulation population, int spine);

    /** Vesicle release of the branch; the default is stochastic, one uniform per site from {@code rng}. */
    default Release release(UniformRandomProvider rng) {
        return new BernoulliRelease(rng);
    }

    /** The branch's CaMKII holoenzymes; the default is the exact subunit-by-subunit SSA drawing from {@code rng}. */
    default CamkiiPopulation camkii(CamkiiParameters parameters, int spines, int holoenzymesPerSpine,
            UniformRandomProvider rng) {
        return CamkiiPopulations.create(parameters, spines, holoenzymesPerSpine, rng);
    }

    /** Whether a branch made by this factory draws no random number (every source mean-field). */
    default boolean deterministic() {
        return false;
    }
}
