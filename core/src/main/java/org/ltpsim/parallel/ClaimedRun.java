package org.ltpsim.parallel;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;

/**
 * One run of a range of blocks by work claiming: the calling thread and the pool's helper tasks take block indices
 * from one counter, never more than {@code window} ahead of the oldest undelivered block, and the caller delivers the
 * results in block order between blocks of its own.
 *
 * <p>Why: with a task per block and a caller that waits for each in turn, the caller wakes once per block to fold
 * and submit, a third thread on two cores; here it computes like the others, and waits only when the next block to
 * deliver is still running and nothing is left that it may take. Helpers wait only when the window is full.
 *
 * <p>A block's failure is kept in its slot and thrown when its turn to be delivered comes, so the first failing
 * block in block order is the one reported, whichever thread ran it.
 *
 * @param <R> a block's result
 */
final class ClaimedRun<R> {
    private static final Object NULL_RESULT = new Object();
    private static final long PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final int end;
    private final int window;
    private final IntFunction<? extends R> work;
    private final Map<Integer, ? extends R> finished;
    private final Thread caller = Thread.currentThread();
    private final AtomicInteger next; // the next block index to claim
    private final AtomicReferenceArray<Object> slots; // block b's result at b % window until it is delivered
    private final Set<Thread> waitingForWindow = ConcurrentHashMap.newKeySet();
    private volatile int head; // blocks before head are delivered
    private volatile boolean stopped;

    /**
     * @param range the blocks to run
     * @param window blocks that may run ahead of the oldest undelivered one, at least 1
     * @param finished results already known, delivered in their turn and not run
     */
    ClaimedRun(BlockRange range, int window, IntFunction<? extends R> work, Map<Integer, ? extends R> finished) {
        this.end = range.end();
        this.window = window;
        this.work = work;
        this.finished = finished;
        this.next = new AtomicInteger(range.first());
        this.slots = new AtomicReferenceArray<>(window);
        this.head = range.first();
    }

    /** A helper's whole task: claims and runs blocks until none is left or the run stops. */
    void help() {
        while (true) {
            int block = claim(true);
            if (block < 0) {
                return;
            }
            runInto(block);
            if (block == head) {
                LockSupport.unpark(caller); // the caller may be waiting for exactly this block
            }
        }
    }

    /** On the calling thread: delivers every block in order, running blocks itself while it waits. */
    void deliverAll(BlockSink<? super R> sink) {
        try {
            for (int block = head; block < end; block++) {
                R result = awaitOrWork(block);
                sink.accept(block, result);
                slots.set(block % window, null);
                head = block + 1;
                wakeWaitingHelpers();
            }
        } finally {
            stopped = true;
            wakeWaitingHelpers();
        }
    }

    private R awaitOrWork(int block) {
        if (finished.containsKey(block)) {
            return finished.get(block);
        }
        while (true) {
            Object stored = slots.get(block % window);
            if (stored != null) {
                return unwrap(stored);
            }
            int mine = claim(false);
            if (mine >= 0) {
                runInto(mine);
            } else {
                LockSupport.parkNanos(this, PARK_NANOS); // a helper runs it; it unparks us when done
            }
        }
    }

    /**
     * The next block to run, not one of the finished ones, at most a window ahead of the oldest undelivered block;
     * -1 when none is left or the run has stopped, or (if {@code wait} is false) when the window is full.
     */
    private int claim(boolean wait) {
        while (!stopped) {
            int block = next.get();
            if (block >= end) {
                return -1;
            }
            if (block - head >= window) {
                if (!wait) {
                    return -1;
                }
                awaitWindow(block);
                continue;
            }
            if (next.compareAndSet(block, block + 1) && !finished.containsKey(block)) {
                return block;
            }
        }
        return -1;
    }

    private void awaitWindow(int block) {
        Thread self = Thread.currentThread();
        waitingForWindow.add(self);
        if (block - head >= window && !stopped) { // checked again after registering: no wake-up is lost
            LockSupport.parkNanos(this, PARK_NANOS);
        }
        waitingForWindow.remove(self);
    }

    private void wakeWaitingHelpers() {
        if (!waitingForWindow.isEmpty()) {
            for (Thread helper : waitingForWindow) {
                LockSupport.unpark(helper);
            }
        }
    }

    private void runInto(int block) {
        Object stored;
        try {
            R result = work.apply(block);
            stored = result == null ? NULL_RESULT : result;
        } catch (RuntimeException | Error e) {
            stored = new Failure(e);
        }
        slots.set(block % window, stored);
    }

    @SuppressWarnings("unchecked")
    private R unwrap(Object stored) {
        if (stored == NULL_RESULT) {
            return null;
        }
        if (stored instanceof Failure failure) {
            if (failure.cause instanceof Error error) {
                throw error;
            }
            throw (RuntimeException) failure.cause;
        }
        return (R) stored;
    }

    /** A block that threw. */
    private record Failure(Throwable cause) {}
}
