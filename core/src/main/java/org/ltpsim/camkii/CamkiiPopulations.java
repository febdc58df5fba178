package org.ltpsim.camkii;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.params.ParameterSet;

/**
 * Creates CaMKII populations. Each population belongs to one block and draws all its random numbers from the
 * block's stream ({@code RandomStreams.forBlock(seed, "camkii", block)}), in spine order, so results depend only
 * on the seed and the block.
 */
public final class CamkiiPopulations {
    private CamkiiPopulations() {}

    /** The four-state holoenzyme model; all subunits start inactive. */
    public static CamkiiPopulation create(CamkiiParameters parameters, int spineCount, int holoenzymesPerSpine,
            UniformRandomProvider rng) {
        return create(parameters, spineCount, holoenzymesPerSpine, rng, false);
    }

    /** As {@link #create(CamkiiParameters, int, int, UniformRandomProvider)}, optionally keeping every lifetime. */
    public static CamkiiPopulation create(CamkiiParameters parameters, int spineCount, int holoenzymesPerSpine,
            UniformRandomProvider rng, boolean keepLifetimes) {
        checkSizes(spineCount, holoenzymesPerSpine);
        return new HoloenzymePopulation(parameters, spineCount, holoenzymesPerSpine, rng, keepLifetimes);
    }

    /**
     * The four-state model's large-number limit: subunit state fractions per spine, no random numbers (see
     * {@link MeanFieldCamkiiPopulation} for the closure).
     */
    public static CamkiiPopulation createMeanField(CamkiiParameters parameters, int spineCount,
            int holoenzymesPerSpine) {
        checkSizes(spineCount, holoenzymesPerSpine);
        return new MeanFieldCamkiiPopulation(parameters, spineCount, holoenzymesPerSpine);
    }

    /** The four-state model from a {@code camkii} parameter set (data/camkii.toml, possibly overridden). */
    public static CamkiiPopulation create(ParameterSet parameters, int spineCount, int holoenzymesPerSpine,
            UniformRandomProvider rng) {
        return create(CamkiiParameters.from(parameters), spineCount, holoenzymesPerSpine, rng);
    }

    /**
     * The step kernel's rate constants for the four-state model with {@code holoenzymesPerSpine} holoenzymes (for
     * benchmarks and tests of {@link org.ltpsim.simd.CamkiiHazardKernel}); null when a Hill coefficient is not a
     * whole number 1..8, which the kernel cannot take.
     */
    public static org.ltpsim.simd.CamkiiStepRates stepRates(CamkiiParameters parameters, int holoenzymesPerSpine) {
        checkSizes(0, holoenzymesPerSpine);
        return HoloenzymePopulation.stepRates(parameters, holoenzymesPerSpine);
    }

    /** The W2 benchmark ring model; the switch thresholds are phosphorylated fractions. */
    public static RingW2Population createW2(RingW2Parameters parameters, int spineCount, int holoenzymesPerSpine,
            UniformRandomProvider rng, double onFraction, double offFraction) {
        checkSizes(spineCount, holoenzymesPerSpine);
        return new RingW2Population(parameters, spineCount, holoenzymesPerSpine, rng, onFraction, offFraction,
                false);
    }

    private static void checkSizes(int spineCount, int holoenzymesPerSpine) {
        if (spineCount < 0) {
            throw new IllegalArgumentException("spine count must be >= 0: " + spineCount);
        }
        if (holoenzymesPerSpine < 1) {
            throw new IllegalArgumentException("holoenzymes per spine must be >= 1: " + holoenzymesPerSpine);
        }
        if ((long) spineCount * holoenzymesPerSpine * SubunitLayout.PER_HOLOENZYME > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many subunits in one block: " + spineCount + " spines x "
                    + holoenzymesPerSpine + " holoenzymes");
        }
    }
}
