package org.ltpsim.channels;

import java.util.Arrays;
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
 * <p>Layout (structure of arrays): one byte per slot; the slots of a spine are contiguous, from
 * {@code slotStart[spine]}, padded to a multiple of {@link LaneRandom#LANES} with a padding state that never
 * moves. Ids are stable: {@link ChannelIds} (id -> slot) and {@code slotToId} map between them; a removal moves the spine's last
 * channel into the hole. Random numbers come from {@link LaneRandom} (eight XoShiRo256++ lanes).
 */
public final class FixedStepChannelPopulation implements ChannelPopulation {
    private final KineticScheme scheme;
    private final int stateCount;
    private final byte pad;
    private final FixedStepKernel kernel;
    private final long[] laneState;
    private final boolean[] conducting;
    private final int initialState;
    private final int restingState;
    private final int spineCount;
    private final int[] channelCount;
    private final int[] counts; // [spine * (states + 1) + state], padding counted at index states
    private int[] slotStart;
    private int[] slotCapacity;
    private byte[] state;
    private int[] slotToId;
    private final ChannelIds ids; // id -> slot
    private long transitions;

    private final TransitionTableCache tables;

    private FixedStepChannelPopulation(KineticScheme scheme, int[] channelsPerSpine, long[] laneState,
            FixedStepKernel kernel) {
        this.scheme = scheme;
        this.stateCount = scheme.stateCount();
        this.pad = (byte) stateCount;
        this.kernel = kernel;
        this.laneState = laneState;
        this.conducting = new boolean[stateCount];
        for (int i = 0; i < stateCount; i++) {
            conducting[i] = scheme.isConducting(i);
        }
        this.initialState = scheme.initialState();
        this.restingState = scheme.restingState();
        this.spineCount = channelsPerSpine.length;
        this.channelCount = new int[spineCount];
        this.counts = new int[spineCount * (stateCount + 1)];
        int[] cap = new int[spineCount];
        long total = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            cap[sp] = padded(channelsPerSpine[sp]);
            total += channelsPerSpine[sp];
        }
        layout(cap);
        Arrays.fill(state, pad);
        slotToId = new int[state.length];
        Arrays.fill(slotToId, -1);
        ids = new ChannelIds(total);
        for (int sp = 0; sp < spineCount; sp++) {
            for (int i = 0; i < channelsPerSpine[sp]; i++) {
                place(sp);
            }
        }
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

    /** Allocates the slot arrays for the given per-spine capacities (the one owner of slot arithmetic). */
    private void layout(int[] cap) {
        slotStart = new int[spineCount];
        slotCapacity = cap;
        long total = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            slotStart[sp] = (int) total;
            total += cap[sp];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many channels in one block");
        }
        state = new byte[(int) total];
    }

    /** Puts a new channel, initial state, in the spine's next slot; returns its id. */
    private int place(int sp) {
        int slot = slotStart[sp] + channelCount[sp];
        channelCount[sp]++;
        state[slot] = (byte) initialState;
        int id = ids.add(slot);
        slotToId[slot] = id;
        counts[sp * (stateCount + 1) + initialState]++;
        return id;
    }

    @Override
    public KineticScheme scheme() {
        return scheme;
    }

    @Override
    public int spineCount() {
        return spineCount;
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
        if (!(dtMs >= 0) || dtMs == Double.POSITIVE_INFINITY) {
            throw new IllegalArgumentException("dtMs must be finite and >= 0: " + dtMs);
        }
        if (glutamateMilliMolar.length < spineCount) {
            throw new IllegalArgumentException("glutamateMilliMolar has " + glutamateMilliMolar.length
                    + " entries for " + spineCount + " spines");
        }
        final int countStride = stateCount + 1; // index stateCount: padding, never moved
        for (int sp = 0; sp < spineCount; sp++) {
            double g = glutamateMilliMolar[sp];
            if (!(g >= 0) || g == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("glutamateMilliMolar[" + sp + "] must be finite and >= 0: " + g);
            }
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
    public int openCount(int spine) {
        int base = spine * (stateCount + 1);
        int open = 0;
        for (int i = 0; i < stateCount; i++) {
            if (conducting[i]) {
                open += counts[base + i];
            }
        }
        return open;
    }

    @Override
    public int channelCount(int spine) {
        return channelCount[spine];
    }

    @Override
    public boolean isResting(int spine) {
        if (restingState < 0) {
            return channelCount[spine] == 0;
        }
        return counts[spine * (stateCount + 1) + restingState] == channelCount[spine];
    }

    @Override
    public int stateCount(int spine, int st) {
        if (st < 0 || st >= stateCount) {
            throw new IllegalArgumentException("state must be in [0, " + stateCount + "): " + st);
        }
        return counts[spine * (stateCount + 1) + st];
    }

    @Override
    public int insert(int spine) {
        if (spine < 0 || spine >= spineCount) {
            throw new IllegalArgumentException("spine must be in [0, " + spineCount + "): " + spine);
        }
        if (channelCount[spine] == slotCapacity[spine]) {
            growSpine(spine);
        }
        return place(spine);
    }

    @Override
    public void remove(int channelId) {
        int slot = ids.locator(channelId);
        int sp = spineOfSlot(slot);
        int last = slotStart[sp] + channelCount[sp] - 1;
        int countBase = sp * (stateCount + 1);
        counts[countBase + state[slot]]--;
        if (slot != last) {
            int movedId = slotToId[last];
            state[slot] = state[last];
            slotToId[slot] = movedId;
            ids.relocate(movedId, slot);
        }
        state[last] = pad;
        slotToId[last] = -1;
        channelCount[sp]--;
        ids.remove(channelId);
    }

    /** Doubles one spine's slot capacity: relays out every slot (amortised O(1) per insert); ids unchanged. */
    private void growSpine(int spine) {
        int[] oldStart = slotStart;
        byte[] oldState = state;
        int[] oldSlotToId = slotToId;
        int[] cap = slotCapacity.clone();
        cap[spine] = cap[spine] * 2;
        layout(cap);
        Arrays.fill(state, pad);
        slotToId = new int[state.length];
        Arrays.fill(slotToId, -1);
        for (int sp = 0; sp < spineCount; sp++) {
            int n = channelCount[sp];
            System.arraycopy(oldState, oldStart[sp], state, slotStart[sp], n);
            System.arraycopy(oldSlotToId, oldStart[sp], slotToId, slotStart[sp], n);
            for (int k = 0; k < n; k++) {
                ids.relocate(slotToId[slotStart[sp] + k], slotStart[sp] + k);
            }
        }
    }

    private int spineOfSlot(int slot) {
        int sp = Arrays.binarySearch(slotStart, slot);
        if (sp < 0) {
            sp = -sp - 2;
        }
        // spines with zero capacity never occur (capacity >= LANES), so starts are strictly increasing
        return sp;
    }

    @Override
    public int state(int channelId) {
        return state[ids.locator(channelId)];
    }

    @Override
    public int spineOf(int channelId) {
        return spineOfSlot(ids.locator(channelId));
    }

    @Override
    public boolean isLive(int channelId) {
        return ids.isLive(channelId);
    }

    @Override
    public long transitionCount() {
        return transitions;
    }
}
