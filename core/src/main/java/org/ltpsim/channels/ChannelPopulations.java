package org.ltpsim.channels;

import org.apache.commons.rng.UniformRandomProvider;
import org.ltpsim.rng.RandomStreams;

/**
 * Creates channel populations, choosing the update method once.
 *
 * <p>The default ({@link #defaultMethod}) is exact and event-driven, with work proportional to transitions: one
 * clock per channel for constant-rate schemes, the state-class SSA for glutamate-gated ones. Measured
 * (docs/channels.md): fastest on W3 and, on the spine-like load, fastest or within noise at a 25 us step and the
 * only method robust to glutamate that differs between spines. The fixed-step SIMD kernel wins only with long
 * steps and one glutamate value shared by all spines; it and HYBRID remain available by name.
 */
public final class ChannelPopulations {
    /** How channels are advanced. */
    public enum Method {
        /**
         * Exact SSA over state classes per spine, channel drawn among the eligible ones; every transition is
         * fired. The reference for {@link #EVENT_DRIVEN_SILENT_POOL}.
         */
        EVENT_DRIVEN,
        /**
         * As {@link #EVENT_DRIVEN}, but while a spine's glutamate is zero its channels in states that cannot
         * conduct without glutamate (AMPA5 C0, C1, D1; NMDA5 C0, C1) are not simulated event by event: they are
         * brought up to date in one exact draw each (the single-channel transition matrix over the interval) when
         * glutamate returns, when a channel joins them, or when they are read. Exact; the default for
         * glutamate-gated schemes. Transitions of pooled channels are counted as net changes.
         */
        EVENT_DRIVEN_SILENT_POOL,
        /**
         * Switch by activity: the state-class SSA, except that a spine-step expecting more than
         * {@link #HYBRID_SWITCH_EVENTS_PER_CHANNEL} events per channel is taken with the exact step transition
         * table (one uniform per channel). Exact; transitions in table steps are counted as net changes.
         */
        HYBRID,
        /** Exact, one next-event time per channel; constant-rate schemes only (fastest on W3). */
        EVENT_DRIVEN_PER_CHANNEL,
        /** Every channel every step, transition probabilities from the matrix exponential; scalar kernel. */
        FIXED_STEP_SCALAR,
        /** As {@link #FIXED_STEP_SCALAR}, Vector API kernel, bitwise equal to the scalar one. */
        FIXED_STEP_SIMD,
        /**
         * No randomness: expected channels per state (the large-number limit, {@link MeanFieldChannelPopulation});
         * created directly, for deterministic runs, not through {@link #create}.
         */
        MEAN_FIELD
    }

    /**
     * Expected events per channel in one step above which HYBRID uses the table (tuned on the spine load). A
     * constant of the code, not a system property: nothing outside the command line and data/ may change results
     * (it was read from {@code -Dltpsim.channels.hybridSwitch}, which no manifest recorded).
     */
    public static final double HYBRID_SWITCH_EVENTS_PER_CHANNEL = 0.2;

    private ChannelPopulations() {}

    /** The default method with the block's "purpose" stream: results depend only on (seed, purpose, block). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, long masterSeed,
            String purpose, long blockId) {
        check(scheme, channelsPerSpine);
        return create(scheme, channelsPerSpine, masterSeed, purpose, blockId, defaultMethod(scheme));
    }

    /** The method chosen by time-to-solution (docs/channels.md): per-channel clocks if rates are constant. */
    public static Method defaultMethod(KineticScheme scheme) {
        return scheme.isConstantRate() ? Method.EVENT_DRIVEN_PER_CHANNEL : Method.EVENT_DRIVEN_SILENT_POOL;
    }

    /** A named method, streams derived from (seed, purpose, block). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, long masterSeed,
            String purpose, long blockId, Method method) {
        check(scheme, channelsPerSpine);
        if (method == Method.EVENT_DRIVEN_PER_CHANNEL && !scheme.isConstantRate()) {
            throw new IllegalArgumentException("method " + method + " needs constant rates; scheme " + scheme.name()
                    + " has glutamate-dependent rates");
        }
        return switch (method) {
            case EVENT_DRIVEN -> new EventDrivenChannelPopulation(scheme, channelsPerSpine,
                    RandomStreams.forBlock(masterSeed, purpose, blockId));
            case EVENT_DRIVEN_SILENT_POOL -> new EventDrivenChannelPopulation(scheme, channelsPerSpine,
                    RandomStreams.forBlock(masterSeed, purpose, blockId), Double.POSITIVE_INFINITY, true);
            case HYBRID -> new EventDrivenChannelPopulation(scheme, channelsPerSpine,
                    RandomStreams.forBlock(masterSeed, purpose, blockId), HYBRID_SWITCH_EVENTS_PER_CHANNEL);
            case EVENT_DRIVEN_PER_CHANNEL -> new PerChannelEventPopulation(scheme, channelsPerSpine,
                    RandomStreams.forBlock(masterSeed, purpose, blockId));
            case FIXED_STEP_SCALAR, FIXED_STEP_SIMD -> FixedStepChannelPopulation.create(scheme, channelsPerSpine,
                    masterSeed, purpose, blockId, method == Method.FIXED_STEP_SIMD);
            case MEAN_FIELD -> new MeanFieldChannelPopulation(scheme, channelsPerSpine);
        };
    }

    /** Default event-driven population drawing from the given provider (which it then owns). */
    public static ChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, UniformRandomProvider rng) {
        check(scheme, channelsPerSpine);
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        return scheme.isConstantRate()
                ? new PerChannelEventPopulation(scheme, channelsPerSpine, rng)
                : new EventDrivenChannelPopulation(scheme, channelsPerSpine, rng, Double.POSITIVE_INFINITY, true);
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
