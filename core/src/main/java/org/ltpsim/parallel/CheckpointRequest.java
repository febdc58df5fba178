package org.ltpsim.parallel;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A request from another thread (the SIGTERM handler of a pre-empted SLURM task, say) that a running
 * {@link BlockRun} save its checkpoint at the next moment it can, without waiting for its interval, so that the
 * work done since the last checkpoint is not lost. The requester waits for the save with {@link #awaitSaved}.
 */
public final class CheckpointRequest {
    private final CountDownLatch answered = new CountDownLatch(1);
    private volatile boolean pending;
    private volatile boolean saved;

    /** Asks for a checkpoint now; ignored once the run has {@link #close closed}. */
    public void request() {
        pending = true;
    }

    /**
     * Waits until the requested checkpoint is saved, the run has ended, or {@code timeout} passes.
     *
     * @return whether a checkpoint was saved after the request
     */
    public boolean awaitSaved(long timeout, TimeUnit unit) throws InterruptedException {
        answered.await(timeout, unit);
        return saved;
    }

    /** Whether a save is wanted now (read by the run between blocks). */
    boolean pending() {
        return pending && answered.getCount() > 0;
    }

    /** The run saved its checkpoint after a request. */
    void markSaved() {
        if (pending) {
            saved = true;
            answered.countDown();
        }
    }

    /** The run is over (finished or failed): nobody will save any more, so a waiting requester may go. */
    public void close() {
        answered.countDown();
    }
}
