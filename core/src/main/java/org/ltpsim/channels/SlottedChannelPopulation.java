package org.ltpsim.channels;

/**
 * What the populations that keep every channel in a {@link ChannelSlots} layout answer alike: counts, states, ids,
 * inserts and removals. A subclass steps the channels and may clock a new channel ({@link #inserted}).
 */
abstract class SlottedChannelPopulation implements ChannelPopulation {
    final ChannelSlots slots;
    private final int initialState;

    SlottedChannelPopulation(ChannelSlots slots, int initialState) {
        this.slots = slots;
        this.initialState = initialState;
    }

    /** A channel was just placed in {@code slot} of {@code spine} (at construction or by an insert). */
    void inserted(int spine, int slot) {}

    /** Places the construction's channels, in spine order. */
    final void placeAll(int[] channelsPerSpine) {
        for (int sp = 0; sp < channelsPerSpine.length; sp++) {
            for (int i = 0; i < channelsPerSpine[sp]; i++) {
                inserted(sp, slots.place(sp, initialState));
            }
        }
    }

    @Override
    public final int spineCount() {
        return slots.spineCount;
    }

    @Override
    public final int openCount(int spine) {
        return slots.openCount(spine);
    }

    @Override
    public final int channelCount(int spine) {
        return slots.channelCount[spine];
    }

    @Override
    public final boolean isResting(int spine) {
        return slots.isResting(spine);
    }

    @Override
    public final int stateCount(int spine, int st) {
        return slots.stateCount(spine, st);
    }

    @Override
    public final int insert(int spine) {
        int slot = slots.insert(spine, initialState);
        inserted(spine, slot);
        return slots.slotToId[slot];
    }

    @Override
    public void remove(int channelId) {
        slots.remove(channelId);
    }

    @Override
    public final int state(int channelId) {
        return slots.state(channelId);
    }

    @Override
    public final int spineOf(int channelId) {
        return slots.spineOf(channelId);
    }

    @Override
    public final boolean isLive(int channelId) {
        return slots.isLive(channelId);
    }
}
