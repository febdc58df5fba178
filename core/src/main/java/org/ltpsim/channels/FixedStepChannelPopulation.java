package org.ltpsim.channels;

import org.ltpsim.simd.FixedStepKernel;
import org.ltpsim.simd.LaneRandom;
import org.ltpsim.simd.VectorizationProvider;

/**
 * Fixed-step simulation of individual channels: each step, every channel draws one uniform and moves according to
 * its state's row of {@code P = exp(Q(g) dt)}, the exact single-channel transition matrix for glutamate g frozen
 * over the step ({@link TransitionMatrix}). Exact for piecewise-constant glutamate whatever dt (the only error is
 * the 2^-53 quantisation of the cumulative probabilities); the cost is channels x steps, whether or not anything
 * moves. A transition matrix is computed once per distinct (dt, g) and cached.
 *
 * <p>Layout: {@link ChannelSlots} (one byte per slot, a spine's slots contiguous, stable ids), each spine's room a
 * multiple of {@link LaneRandom#LANES}, its empty slots in a padding state that never moves. Random numbers come
 * from {@link LaneRandom} (eight XoShiRo256++ lanes).
 */
public final class FixedStepChannelPopulation extends SlottedChannelPopulation {
    private final KineticScheme scheme;
    private final int stateCount;
    private final FixedStepKernel kernel;
    private final long[] laneState;
    private final int initialState;
    private final int restingState;
    private final int spineCount;
    private long transitions;

    private final TransitionTableCache tables;

    private FixedStepChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, long[] laneState,
            FixedStepKernel kernel) {
        // counts padded: [spine * (states + 1) + state], the padding state at index states
        super(new ChannelSlots(scheme, channelsPerSpine, (byte) scheme.stateCount(), true,
                FixedStepChannelPopulation::padded, false), scheme.initialState());
        this.scheme = scheme;
        this.stateCount = scheme.stateCount();
        this.kernel = kernel;
        this.laneState = laneState;
        this.initialState = scheme.initialState();
        this.restingState = scheme.restingState();
        this.spineCount = channelsPerSpine.length;
        placeAll(channelsPerSpine);
        tables = new TransitionTableCache(scheme);
    }

    static FixedStepChannelPopulation create(KineticScheme scheme, int[] channelsPerSpine, long masterSeed,
            String purpose, long blockId, boolean simd) {
        return new FixedStepChannelPopulation(scheme, channelsPerSpine, LaneRandom.seed(masterSeed, purpose, blockId),
                (simd ? VectorizationProvider.getInstance() : VectorizationProvider.scalar()).fixedStepKernel());
    }

    /** Population with an explicit kernel and lane state (tests compare kernels on equal streams). */
    public static FixedStepChannelPopulation withKernel(KineticScheme scheme, int[] channelsPerSpine,
            long masterSeed, String purpose, long blockId, FixedStepKernel kernel) {
        return new FixedStepChannelPopulation(scheme, channelsPerSpine, LaneRandom.seed(masterSeed, purpose, blockId),
                kernel);
    }

    private static int padded(int n) {
        int lanes = LaneRandom.LANES;
        return Math.max(lanes, (n + lanes - 1) / lanes * lanes);
    }

    @Override
    public KineticScheme scheme() {
        return scheme;
    }

    @Override
    public ChannelPopulations.Method method() {
        return kernel == VectorizationProvider.scalar().fixedStepKernel()
                ? ChannelPopulations.Method.FIXED_STEP_SCALAR : ChannelPopulations.Method.FIXED_STEP_SIMD;
    }

    /** The kernel in use (scalar or Vector API). */
    public FixedStepKernel kernel() {
        return kernel;
    }

    @Override
    public void advance(double dtMs, double[] glutamateMilliMolar) {
        StepArguments.check(dtMs, glutamateMilliMolar, spineCount);
        final int countStride = slots.countStride; // index stateCount: padding, never moved
        final int[] channelCount = slots.channelCount;
        final int[] counts = slots.counts;
        final int[] slotStart = slots.slotStart;
        final byte[] state = slots.state;
        for (int sp = 0; sp < spineCount; sp++) {
            StepArguments.checkGlutamate(glutamateMilliMolar, sp);
            double g = glutamateMilliMolar[sp];
            int n = channelCount[sp];
            if (n == 0) {
                continue;
            }
            int base = sp * countStride;
            if (g == 0 && restingState >= 0 && counts[base + restingState] == n) {
                continue; // resting spine at zero glutamate: P is the identity on its states, no draws needed
            }
            int from = slotStart[sp];
            int to = from + padded(n);
            transitions += kernel.step(state, from, to, tables.get(dtMs, g), laneState, counts, base);
        }
    }

    @Override
    public long transitionCount() {
        return transitions;
    }
}
