package org.ltpsim.channels;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.rng.RandomStreams;

/**
 * Creates channel populations, choosing the update method once.
 *
 * <p>The default is {@link Method#EVENT_DRIVEN}: exact, with work proportional to transitions, and measured faster
 * than the fixed-step kernels on both the W3 benchmark and the spine-like load (docs/channels.md). The fixed-step
 * kernels remain available by name for comparison and for loads where nearly every channel moves every step.
 */
public final class ChannelPopulations {
    /** How channels are advanced. */
    public enum Method {
        /** Exact SSA over state classes per spine, channel drawn among the eligible ones. */
        EVENT_DRIVEN,
        /** Every channel every step, transition probabilities from the matrix exponential; scalar kernel. */
        FIXED_STEP_SCALAR,
        /** As {@link #FIXED_STEP_SCALAR}, Vector API kernel, bitwise equal to the scalar one. */
        FIXED_STEP_SIMD
    }

    private ChannelPopulations() {}

    /** The default method with the block's "purpose" stream: results depend only on (seed, purpose, block). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, long masterSeed,
            String purpose, long blockId) {
        return create(scheme, channelsPerSpine, masterSeed, purpose, blockId, Method.EVENT_DRIVEN);
    }

    /** A named method, streams derived from (seed, purpose, block). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, long masterSeed,
            String purpose, long blockId, Method method) {
        check(scheme, channelsPerSpine);
        return switch (method) {
            case EVENT_DRIVEN -> new EventDrivenChannelPopulation(scheme, channelsPerSpine,
                    RandomStreams.forBlock(masterSeed, purpose, blockId));
            case FIXED_STEP_SCALAR, FIXED_STEP_SIMD -> FixedStepChannelPopulation.create(scheme, channelsPerSpine,
                    masterSeed, purpose, blockId, method == Method.FIXED_STEP_SIMD);
        };
    }

    /** Event-driven population drawing from the given provider (which it then owns). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng) {
        check(scheme, channelsPerSpine);
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        return new EventDrivenChannelPopulation(scheme, channelsPerSpine, rng);
    }

    private static void check(KineticScheme scheme, int[] channelsPerSpine) {
        if (scheme == null) {
            throw new IllegalArgumentException("scheme must not be null");
        }
        if (channelsPerSpine == null) {
            throw new IllegalArgumentException("channelsPerSpine must not be null");
        }
        for (int i = 0; i < channelsPerSpine.length; i++) {
            if (!(channelsPerSpine[i] >= 0)) {
                throw new IllegalArgumentException("channelsPerSpine[" + i + "] must be >= 0: " + channelsPerSpine[i]);
            }
        }
    }
}
