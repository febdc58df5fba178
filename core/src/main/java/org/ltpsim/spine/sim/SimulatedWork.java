package org.ltpsim.spine.sim;

import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Progress of a spine run in units of simulated branch time (fast steps, one per branch per step), shared by the
 * branch tasks: each branch reports its own advance every {@link #REPORTS_PER_BRANCH}-th of its run, so a progress
 * bar moves during a long branch (a 15-minute LFS) rather than once per finished branch. Thread safe.
 */
final class SimulatedWork {
    /** How often a branch reports over its run; cheap next to a step (one atomic add). */
    static final int REPORTS_PER_BRANCH = 500;

    private final AtomicLong doneTicks = new AtomicLong();
    private final LongConsumer listener;

    /** @param listener called with the total ticks done so far, from any worker thread */
    SimulatedWork(LongConsumer listener) {
        this.listener = listener;
    }

    void add(long ticks) {
        if (ticks > 0) {
            listener.accept(doneTicks.addAndGet(ticks));
        }
    }

    /** Ticks between two reports of a branch of {@code endTick} ticks. */
    static long reportInterval(long endTick) {
        return Math.max(1, endTick / REPORTS_PER_BRANCH);
    }
}
