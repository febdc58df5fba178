package org.ltpsim.parallel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;

/**
 * The one way ltpsim runs blocks of independent work: a long-lived ForkJoin pool of a fixed size that runs a range
 * of blocks and hands their results back in block order.
 *
 * <p>{@link #runInOrder} keeps at most {@link #window()} blocks started ahead of the oldest unfinished one (a
 * sliding window, never a barrier: a worker that finishes takes the next block at once) and delivers each result
 * to a {@link BlockSink} on the calling thread, in block order. A fold over the delivered results is therefore the
 * same for any thread count, and memory holds at most a window of undelivered results. Each block is run exactly
 * once. With one thread every block runs on the caller's thread; with more and no heartbeat, the caller computes
 * blocks too, beside {@code threads - 1} pool workers ({@link ClaimedRun}); with a heartbeat (a checkpointed run)
 * the pool's {@code threads} workers compute and the caller waits, so that it beats on time.
 *
 * <p>Create one per command (or use {@link #shared}) and reuse it for every run of that command: a pool is not
 * created per call.
 */
public final class BlockExecutor implements AutoCloseable {
    /** Blocks that may be started ahead of the oldest unfinished one, per worker thread. */
    static final int WINDOW_BLOCKS_PER_THREAD = 8;
    /** How often the calling thread, waiting for a block, asks the heartbeat whether a beat is wanted early. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Map<Integer, BlockExecutor> SHARED = new ConcurrentHashMap<>();

    private final int threads;
    private final ForkJoinPool pool;
    private final boolean shared;

    /** @param threads worker threads, at least 1; 1 runs every block on the caller's thread. */
    public BlockExecutor(int threads) {
        this(threads, false);
    }

    private BlockExecutor(int threads, boolean shared) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads);
        this.shared = shared;
    }

    /**
     * A process-wide executor of {@code threads} workers, created on first use and kept for the life of the
     * process (its workers are daemon threads); {@link #close()} leaves it running. For library calls that are
     * given a thread count rather than an executor.
     */
    public static BlockExecutor shared(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be >= 1: " + threads);
        }
        return SHARED.computeIfAbsent(threads, t -> new BlockExecutor(t, true));
    }

    public int threads() {
        return threads;
    }

    /** Blocks that {@link #runInOrder} starts ahead of the oldest unfinished one. */
    public int window() {
        return threads == 1 ? 1 : WINDOW_BLOCKS_PER_THREAD * threads;
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
        List<R> results = new ArrayList<>(blockCount);
        runInOrder(BlockRange.all(blockCount), block -> {
            R result = work.apply(block);
            onBlockDone.accept(done.incrementAndGet());
            return result;
        }, (block, result) -> results.add(result));
        return results;
    }

    /** Runs the blocks of {@code range} and hands each result to {@code sink} in block order, on this thread. */
    public <R> void runInOrder(BlockRange range, IntFunction<? extends R> work, BlockSink<? super R> sink) {
        runInOrder(range, work, Map.of(), sink, Long.MAX_VALUE, (delivered, ahead) -> {});
    }

    /**
     * As {@link #runInOrder(BlockRange, IntFunction, BlockSink)}, with results that are already known (a resumed
     * run: they are delivered in their turn and not run again) and a {@code heartbeat} called on this thread about
     * every {@code beatNanos} while the run goes on.
     *
     * @param finished results of some blocks of {@code range}, by block id; each is delivered in its turn
     * @param beatNanos the interval between heartbeats ({@code Long.MAX_VALUE}: none)
     */
    public <R> void runInOrder(BlockRange range, IntFunction<? extends R> work, Map<Integer, ? extends R> finished,
            BlockSink<? super R> sink, long beatNanos, Heartbeat<R> heartbeat) {
        if (!(beatNanos > 0)) {
            throw new IllegalArgumentException("beatNanos must be > 0: " + beatNanos);
        }
        if (pool == null) {
            runOnCaller(range, work, finished, sink, beatNanos, heartbeat);
        } else if (beatNanos == Long.MAX_VALUE) {
            runClaimed(range, work, finished, sink);
        } else {
            runOnPool(range, work, finished, sink, beatNanos, heartbeat);
        }
    }

    /**
     * A run with no heartbeat: the caller and {@code threads - 1} helper tasks claim blocks from one counter
     * ({@link ClaimedRun}), so that {@code threads} threads compute and none is woken per block to fold.
     */
    private <R> void runClaimed(BlockRange range, IntFunction<? extends R> work, Map<Integer, ? extends R> finished,
            BlockSink<? super R> sink) {
        ClaimedRun<R> run = new ClaimedRun<>(range, window(), work, finished);
        for (int helper = 1; helper < threads; helper++) {
            pool.execute(run::help);
        }
        run.deliverAll(sink);
    }

    private <R> void runOnCaller(BlockRange range, IntFunction<? extends R> work, Map<Integer, ? extends R> finished,
            BlockSink<? super R> sink, long beatNanos, Heartbeat<R> heartbeat) {
        Beats beats = new Beats(beatNanos, heartbeat);
        for (int block = range.first(); block < range.end(); block++) {
            R result = finished.containsKey(block) ? finished.get(block) : work.apply(block);
            sink.accept(block, result);
            if (beats.due()) {
                heartbeat.beat(block + 1, aheadOf(block + 1, range, finished, null));
            }
        }
    }

    private <R> void runOnPool(BlockRange range, IntFunction<? extends R> work, Map<Integer, ? extends R> finished,
            BlockSink<? super R> sink, long beatNanos, Heartbeat<R> heartbeat) {
        final int window = window();
        @SuppressWarnings("unchecked")
        ForkJoinTask<R>[] running = (ForkJoinTask<R>[]) new ForkJoinTask<?>[window];
        Beats beats = new Beats(beatNanos, heartbeat);
        int next = range.first();
        int head = range.first();
        try {
            while (head < range.end()) {
                for (; next < range.end() && next - head < window; next++) {
                    if (!finished.containsKey(next)) {
                        final int block = next;
                        running[block % window] = pool.submit(ForkJoinTask.adapt(() -> work.apply(block)));
                    }
                }
                R result;
                ForkJoinTask<R> task = running[head % window];
                if (task == null) {
                    result = finished.get(head);
                } else {
                    result = awaitBeating(task, head, range, finished, running, beats, heartbeat);
                    running[head % window] = null;
                }
                sink.accept(head, result);
                head++;
                if (beats.due()) {
                    heartbeat.beat(head, aheadOf(head, range, finished, running));
                }
            }
        } finally {
            for (ForkJoinTask<R> task : running) {
                if (task != null) {
                    task.cancel(false);
                }
            }
        }
    }

    /** Waits for {@code task}, calling the heartbeat whenever one falls due meanwhile. */
    private <R> R awaitBeating(ForkJoinTask<R> task, int head, BlockRange range, Map<Integer, ? extends R> finished,
            ForkJoinTask<R>[] running, Beats beats, Heartbeat<R> heartbeat) {
        while (true) {
            try {
                return task.get(Math.min(POLL_NANOS, beats.nanosToNext()), TimeUnit.NANOSECONDS);
            } catch (TimeoutException e) {
                if (beats.due()) {
                    heartbeat.beat(head, aheadOf(head, range, finished, running));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while running blocks", e);
            } catch (CancellationException e) {
                throw new IllegalStateException("block " + head + " was cancelled", e);
            } catch (ExecutionException e) {
                throw unwrap(e);
            }
        }
    }

    /** Results of blocks after {@code head} that are known: finished tasks and preset results. */
    private static <R> SortedMap<Integer, R> aheadOf(int head, BlockRange range, Map<Integer, ? extends R> finished,
            ForkJoinTask<R>[] running) {
        SortedMap<Integer, R> ahead = new TreeMap<>();
        for (Map.Entry<Integer, ? extends R> entry : finished.entrySet()) {
            if (entry.getKey() >= head && range.contains(entry.getKey())) {
                ahead.put(entry.getKey(), entry.getValue());
            }
        }
        if (running != null) {
            for (int block = head; block < Math.min(range.end(), head + running.length); block++) {
                ForkJoinTask<R> task = running[block % running.length];
                if (task != null && task.isDone() && !task.isCompletedAbnormally()) {
                    ahead.put(block, task.join());
                }
            }
        }
        return ahead;
    }

    private static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        // ForkJoin re-creates an exception thrown on another thread, wrapping the original: unwrap it.
        while (cause.getCause() != null && cause.getCause().getClass() == cause.getClass()) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new IllegalStateException(cause);
    }

    /** When the next heartbeat is due: its interval is up, or the heartbeat wants one now. */
    private static final class Beats {
        private final long intervalNanos;
        private final Heartbeat<?> heartbeat;
        private long nextNanos;

        Beats(long intervalNanos, Heartbeat<?> heartbeat) {
            this.intervalNanos = intervalNanos;
            this.heartbeat = heartbeat;
            this.nextNanos = intervalNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + intervalNanos;
        }

        boolean due() {
            if (heartbeat.wantedNow()) {
                nextNanos = intervalNanos == Long.MAX_VALUE ? Long.MAX_VALUE : System.nanoTime() + intervalNanos;
                return true;
            }
            if (nextNanos == Long.MAX_VALUE || System.nanoTime() - nextNanos < 0) {
                return false;
            }
            nextNanos = System.nanoTime() + intervalNanos;
            return true;
        }

        long nanosToNext() {
            return nextNanos == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, nextNanos - System.nanoTime());
        }
    }

    @Override
    public void close() {
        if (pool != null && !shared) {
            pool.shutdownNow();
        }
    }
}
