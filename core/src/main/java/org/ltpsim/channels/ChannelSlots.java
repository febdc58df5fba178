package org.ltpsim.channels;

import java.util.Arrays;
import java.util.function.IntUnaryOperator;

/**
 * The layout the per-channel populations share ({@link FixedStepChannelPopulation}, {@link
 * PerChannelEventPopulation}): one byte of state per slot, the slots of a spine contiguous from {@code slotStart[spine]}
 * with room for {@code slotCapacity[spine]}, per-spine class counts, and stable ids ({@link ChannelIds}: id -> slot,
 * {@code slotToId}: slot -> id). A removal moves the spine's last channel into the hole; a full spine doubles its room
 * and the slots are laid out again (amortised O(1) per insert), ids unchanged. Optionally one double per slot
 * ({@code slotTimeMs}, a per-channel clock) travels with its channel.
 *
 * <p>The arrays are fields for the populations' kernels to read directly; {@link #state}, {@link #slotStart},
 * {@link #slotToId} and {@link #slotTimeMs} are replaced when a spine grows, so read them afresh after an insert.
 */
final class ChannelSlots {
    final int spineCount;
    final int stateCount;
    /** Stride of {@link #counts}: the state count, plus one when empty slots are counted as a padding state. */
    final int countStride;
    final int[] channelCount;
    final int[] counts; // [spine * countStride + state]
    int[] slotStart;
    byte[] state;
    int[] slotToId;
    double[] slotTimeMs; // null unless asked for
    private int[] slotCapacity;
    private final byte emptyState;
    private final boolean[] conducting;
    private final int restingState;
    private final IntUnaryOperator roomFor;
    private final boolean withSlotTimes;
    private final ChannelIds ids;

    /**
     * Empty slots for {@code channelsPerSpine}; the caller then {@link #place}s each channel.
     *
     * @param emptyState the state byte of an empty slot (a padding state the kernel never moves, or any)
     * @param paddingCounted count empty slots' state as column {@code stateCount} of {@link #counts}
     * @param roomFor the slots a spine gets for n channels (at least n, at least 1)
     */
    ChannelSlots(KineticScheme scheme, int[] channelsPerSpine, byte emptyState, boolean paddingCounted,
            IntUnaryOperator roomFor, boolean withSlotTimes) {
        spineCount = channelsPerSpine.length;
        stateCount = scheme.stateCount();
        countStride = paddingCounted ? stateCount + 1 : stateCount;
        conducting = new boolean[stateCount];
        for (int i = 0; i < stateCount; i++) {
            conducting[i] = scheme.isConducting(i);
        }
        restingState = scheme.restingState();
        this.emptyState = emptyState;
        this.roomFor = roomFor;
        this.withSlotTimes = withSlotTimes;
        channelCount = new int[spineCount];
        counts = new int[spineCount * countStride];
        int[] room = new int[spineCount];
        long total = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            if (channelsPerSpine[sp] < 0) {
                throw new IllegalArgumentException("channelsPerSpine[" + sp + "] must be >= 0: " + channelsPerSpine[sp]);
            }
            room[sp] = roomFor.applyAsInt(channelsPerSpine[sp]);
            total += channelsPerSpine[sp];
        }
        layout(room);
        ids = new ChannelIds(total);
    }

    /** Allocates the slot arrays for the given per-spine room (the one owner of slot arithmetic). */
    private void layout(int[] room) {
        slotStart = new int[spineCount];
        slotCapacity = room;
        long total = 0;
        for (int sp = 0; sp < spineCount; sp++) {
            slotStart[sp] = (int) total;
            total += room[sp];
        }
        if (total > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many channels in one block");
        }
        state = new byte[(int) total];
        Arrays.fill(state, emptyState);
        slotToId = new int[(int) total];
        Arrays.fill(slotToId, -1);
        slotTimeMs = withSlotTimes ? new double[(int) total] : null;
    }

    /** Puts a new channel in {@code initialState} in the spine's next slot (there must be room); returns the slot. */
    int place(int sp, int initialState) {
        int slot = slotStart[sp] + channelCount[sp];
        channelCount[sp]++;
        state[slot] = (byte) initialState;
        slotToId[slot] = ids.add(slot);
        counts[sp * countStride + initialState]++;
        return slot;
    }

    /** A new channel in {@code initialState} at the spine, growing its room when full; returns its slot. */
    int insert(int spine, int initialState) {
        if (spine < 0 || spine >= spineCount) {
            throw new IllegalArgumentException("spine must be in [0, " + spineCount + "): " + spine);
        }
        if (channelCount[spine] == slotCapacity[spine]) {
            grow(spine);
        }
        return place(spine, initialState);
    }

    /** Removes a channel: the spine's last channel (with its slot time) moves into the hole. */
    void remove(int channelId) {
        int slot = ids.locator(channelId);
        int sp = spineOfSlot(slot);
        int last = slotStart[sp] + channelCount[sp] - 1;
        counts[sp * countStride + state[slot]]--;
        if (slot != last) {
            int movedId = slotToId[last];
            state[slot] = state[last];
            if (slotTimeMs != null) {
                slotTimeMs[slot] = slotTimeMs[last];
            }
            slotToId[slot] = movedId;
            ids.relocate(movedId, slot);
        }
        state[last] = emptyState;
        slotToId[last] = -1;
        channelCount[sp]--;
        ids.remove(channelId);
    }

    /** Doubles one spine's room and lays every slot out again. */
    private void grow(int spine) {
        int[] oldStart = slotStart;
        byte[] oldState = state;
        int[] oldSlotToId = slotToId;
        double[] oldTimes = slotTimeMs;
        int[] room = slotCapacity.clone();
        room[spine] = room[spine] * 2;
        layout(room);
        for (int sp = 0; sp < spineCount; sp++) {
            int n = channelCount[sp];
            System.arraycopy(oldState, oldStart[sp], state, slotStart[sp], n);
            System.arraycopy(oldSlotToId, oldStart[sp], slotToId, slotStart[sp], n);
            if (oldTimes != null) {
                System.arraycopy(oldTimes, oldStart[sp], slotTimeMs, slotStart[sp], n);
            }
            for (int k = 0; k < n; k++) {
                ids.relocate(slotToId[slotStart[sp] + k], slotStart[sp] + k);
            }
        }
    }

    /** The room the spine has (slots from {@code slotStart[spine]}). */
    int room(int spine) {
        return slotCapacity[spine];
    }

    private int spineOfSlot(int slot) {
        int sp = Arrays.binarySearch(slotStart, slot);
        if (sp < 0) {
            return -sp - 2;
        }
        return sp; // every spine has room >= 1, so starts are strictly increasing
    }

    int openCount(int spine) {
        int base = spine * countStride;
        int open = 0;
        for (int i = 0; i < stateCount; i++) {
            if (conducting[i]) {
                open += counts[base + i];
            }
        }
        return open;
    }

    boolean isResting(int spine) {
        if (restingState < 0) {
            return channelCount[spine] == 0;
        }
        return counts[spine * countStride + restingState] == channelCount[spine];
    }

    int stateCount(int spine, int st) {
        if (st < 0 || st >= stateCount) {
            throw new IllegalArgumentException("state must be in [0, " + stateCount + "): " + st);
        }
        return counts[spine * countStride + st];
    }

    int state(int channelId) {
        return state[ids.locator(channelId)];
    }

    int slotOf(int channelId) {
        return ids.locator(channelId);
    }

    int spineOf(int channelId) {
        return spineOfSlot(ids.locator(channelId));
    }

    boolean isLive(int channelId) {
        return ids.isLive(channelId);
    }
}
