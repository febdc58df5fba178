package org.ltpsim.cli.scale;

import java.util.function.IntFunction;
import java.util.function.LongConsumer;
import org.ltpsim.parallel.BlockCodec;
import org.ltpsim.parallel.BlockFold;
import org.ltpsim.parallel.BlockRange;

/**
 * A command's run as blocks, for {@link ScaledRun}: how many, how one runs, how results fold and are saved, and how
 * much work (in the command's progress units) a range of them is.
 *
 * @param kind the command ({@code run}, {@code sweep}, {@code sbml})
 * @param blockCount blocks of the whole run
 * @param work runs one block
 * @param fold the command's fold of block results
 * @param codec writes results and fold states exactly
 * @param foldShards whether a shard from block 0 folds as it goes (a compact fold state) or keeps its blocks
 * @param workOf progress units of a range of blocks
 * @param progress where a run reports progress: {@code progress.report(listener, alreadyDone)} makes the blocks
 *                 report to {@code listener}, counting from {@code alreadyDone}
 */
public record BlockJob<R, S>(String kind, int blockCount, IntFunction<? extends R> work, BlockFold<R, S> fold,
        BlockCodec<R, S> codec, boolean foldShards, java.util.function.ToLongFunction<BlockRange> workOf,
        Progress progress) {

    /** Points a job's progress reports at a listener. */
    @FunctionalInterface
    public interface Progress {
        void report(LongConsumer listener, long alreadyDone);
    }
}
