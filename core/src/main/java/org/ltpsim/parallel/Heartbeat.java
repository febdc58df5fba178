package org.ltpsim.parallel;

import java.util.SortedMap;

/**
 * Called now and then on the thread that started a run (between deliveries to its {@link BlockSink}, or while it
 * waits for the next block): the moment to write a checkpoint, since the sink's state is not changing.
 *
 * @param <R> a block's result
 */
@FunctionalInterface
public interface Heartbeat<R> {
    /**
     * @param delivered the sink holds blocks {@code [range.first, delivered)}
     * @param ahead blocks after {@code delivered} that have finished but cannot be delivered yet (an earlier block is
     *              still running), in block order; not to be modified
     */
    void beat(int delivered, SortedMap<Integer, R> ahead);

    /** Whether a beat is wanted now, before its interval is up (polled a few times a second while blocks run). */
    default boolean wantedNow() {
        return false;
    }
}
