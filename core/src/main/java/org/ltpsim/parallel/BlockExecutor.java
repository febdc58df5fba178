package org.ltpsim.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Runs independent blocks of work on a ForkJoin pool of a fixed size and returns their results in block order.
 *
 * <p>Each block is touched by exactly one task; results come back indexed by block id, so a reduction over
 * them in list order is the same for any thread count.
 */
public final class BlockExecutor implements AutoCloseable {
    private final int threads;
    private final ForkJoinPool pool;

    /** @param threads worker threads, at least 1; 1 runs every block on the caller's thread. */
    public BlockExecutor(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
    }

    public int threads() {
        return threads;
    }

    /** Runs {@code work} for blocks 0..blockCount-1; results in block order. */
    public <R> List<R> map(int blockCount, IntFunction<R> work) {
        return map(blockCount, work, block -> {});
    }

    /**
     * As {@link #map(int, IntFunction)}, calling {@code onBlockDone} with the number of blocks finished so far
     * (for progress reporting; it may be called from any worker thread).
     */
    public <R> List<R> map(int blockCount, IntFunction<R> work, IntConsumer onBlockDone) {
        if (blockCount < 0) {
            throw new IllegalArgumentException("blockCount must be >= 0: " + blockCount);
        }
        AtomicInteger done = new AtomicInteger();
        IntFunction<R> tracked = block -> {
            R result = work.apply(block);
            onBlockDone.accept(done.incrementAndGet());
            return result;
        };
        if (pool == null) {
            List<R> results = new ArrayList<>(blockCount);
            for (int block = 0; block < blockCount; block++) {
                results.add(tracked.apply(block));
            }
            return results;
        }
        try {
            // A parallel stream started inside our pool runs its tasks in that pool; toList keeps block order.
            return pool.submit(() -> IntStream.range(0, blockCount).parallel().mapToObj(tracked).toList()).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running blocks", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            // ForkJoin re-creates an exception thrown on another thread, wrapping the original: unwrap it.
            while (cause.getCause() != null && cause.getCause().getClass() == cause.getClass()) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
