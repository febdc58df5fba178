package org.ltpsim.parallel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.IntFunction;

/**
 * Runs a range of a run's blocks into a {@link Partial}, resuming from saved results and saving checkpoints along
 * the way: the orchestration that {@code sbml}, {@code run} and {@code sweep} share (whole runs, shards, resumed
 * runs).
 *
 * @param <R> a block's result
 * @param <S> the fold's state
 */
public final class BlockRun<R, S> {
    private final BlockFold<R, S> fold;
    private final BlockCodec<R, S> codec;
    private final boolean foldFromStart;
    private Checkpoint checkpoint;
    private long checkpointNanos = Long.MAX_VALUE;
    private PartialFile.Contents<R, S> resumed;
    private CheckpointRequest request;

    /**
     * @param fold how results accumulate
     * @param codec how they are saved (may be null when nothing is saved)
     * @param foldFromStart whether a range from block 0 is folded as it goes (false: kept block by block, e.g. a
     *                      shard of a run whose fold happens at the merge)
     */
    public BlockRun(BlockFold<R, S> fold, BlockCodec<R, S> codec, boolean foldFromStart) {
        this.fold = fold;
        this.codec = codec;
        this.foldFromStart = foldFromStart;
    }

    /** Saves {@code checkpoint} about every {@code intervalNanos} of wall time. */
    public BlockRun<R, S> checkpointEvery(Checkpoint checkpoint, long intervalNanos) {
        if (!(intervalNanos > 0)) {
            throw new IllegalArgumentException("the checkpoint interval must be > 0 ns: " + intervalNanos);
        }
        this.checkpoint = checkpoint;
        this.checkpointNanos = intervalNanos;
        return this;
    }

    /**
     * Also saves the checkpoint as soon as {@code request} asks (between blocks, within about 0.1 s plus the
     * blocks being delivered), whatever the interval; needs {@link #checkpointEvery}.
     */
    public BlockRun<R, S> saveWhenRequested(CheckpointRequest request) {
        if (checkpoint == null) {
            throw new IllegalStateException("a checkpoint request needs checkpointEvery first");
        }
        this.request = request;
        return this;
    }

    /** Starts from saved results (a loaded checkpoint) instead of from nothing. */
    public BlockRun<R, S> resumeFrom(PartialFile.Contents<R, S> saved) {
        this.resumed = saved;
        return this;
    }

    /** Runs the blocks of {@code range} not already saved, on {@code executor}, and returns their partial. */
    public Partial<R, S> run(BlockExecutor executor, BlockRange range, IntFunction<? extends R> work) {
        Partial<R, S> partial;
        Map<Integer, R> finished = Map.of();
        if (resumed != null) {
            partial = resumed.partial();
            BlockRange saved = partial.range();
            if (saved.first() != range.first() || saved.end() > range.end()) {
                throw new UnusableFileException("the saved blocks " + saved.first() + "-" + (saved.end() - 1)
                        + " are not a start of this run's blocks " + range.first() + "-" + (range.end() - 1));
            }
            finished = new TreeMap<>(resumed.ahead());
            finished.keySet().removeIf(block -> block < saved.end() || block >= range.end());
        } else {
            partial = Partial.empty(fold, range.first(), foldFromStart);
        }
        final Partial<R, S> filling = partial;
        executor.runInOrder(new BlockRange(partial.range().end(), range.end()), work, finished, filling::add,
                checkpoint == null ? Long.MAX_VALUE : checkpointNanos, new Heartbeat<R>() {
                    @Override
                    public void beat(int delivered, SortedMap<Integer, R> ahead) {
                        save(filling, ahead);
                        if (request != null) {
                            request.markSaved();
                        }
                    }

                    @Override
                    public boolean wantedNow() {
                        return request != null && request.pending();
                    }
                });
        return partial;
    }

    private void save(Partial<R, S> partial, SortedMap<Integer, R> ahead) {
        try {
            checkpoint.save(partial, ahead, codec);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the checkpoint " + checkpoint.file() + ": " + e.getMessage(),
                    e);
        }
    }
}
