package org.ltpsim.parallel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link BlockCodec} for runs whose state is their blocks kept in block order (spine branches, neurons, CaMKII
 * blocks): the state is the count, then each block as {@link #writeBlock} writes it.
 *
 * @param <R> a block's result
 */
public abstract class BlockListCodec<R> implements BlockCodec<R, List<R>> {
    /** Bounds the count read, so that a corrupt file fails cleanly instead of exhausting memory. */
    private static final int MAX_BLOCKS = 1 << 28;

    private final String blocksName;

    /** @param blocksName what the blocks are, in plural (for the message about a corrupt count) */
    protected BlockListCodec(String blocksName) {
        this.blocksName = blocksName;
    }

    @Override
    public final void writeState(DataOutput out, List<R> blocks) throws IOException {
        out.writeInt(blocks.size());
        for (R block : blocks) {
            writeBlock(out, block);
        }
    }

    @Override
    public final List<R> readState(DataInput in) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > MAX_BLOCKS) {
            throw new IOException("implausible number of " + blocksName + ": " + count);
        }
        List<R> blocks = new ArrayList<>(Math.min(count, 1 << 16));
        for (int i = 0; i < count; i++) {
            blocks.add(readBlock(in));
        }
        return blocks;
    }
}
