package org.ltpsim.parallel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * A codec whose blocks are written by another codec and whose accumulated state is its own: a subclass writes only
 * the state (a fold that keeps the same blocks as another but accumulates them differently).
 *
 * @param <R> a block's result
 * @param <S> the accumulated state this codec writes
 */
public abstract class BlocksCodedBy<R, S> implements BlockCodec<R, S> {
    private final BlockCodec<R, ?> blocks;

    protected BlocksCodedBy(BlockCodec<R, ?> blocks) {
        this.blocks = blocks;
    }

    /** The format of the blocks' codec, for a subclass's own format name to build on. */
    protected final String blockFormat() {
        return blocks.format();
    }

    @Override
    public final void writeBlock(DataOutput out, R result) throws IOException {
        blocks.writeBlock(out, result);
    }

    @Override
    public final R readBlock(DataInput in) throws IOException {
        return blocks.readBlock(in);
    }
}
