package org.ltpsim.parallel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Writes and reads block results and accumulated states exactly (doubles as their IEEE 754 bits, never as decimal
 * text), for shard files and checkpoints: a decoded value folds to the same bits as the original.
 *
 * @param <R> a block's result
 * @param <S> the accumulated state of a {@link BlockFold}
 */
public interface BlockCodec<R, S> {
    /** Names the layout (kind and layout version, e.g. {@code ssa-moments/1}); files of another format are refused. */
    String format();

    void writeBlock(DataOutput out, R result) throws IOException;

    R readBlock(DataInput in) throws IOException;

    void writeState(DataOutput out, S state) throws IOException;

    S readState(DataInput in) throws IOException;
}
