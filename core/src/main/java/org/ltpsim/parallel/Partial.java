package org.ltpsim.parallel;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The accumulated results of the blocks {@code [first, end)} of a run: a partial accumulator that shards write and
 * {@code ltpsim merge} combines, and that checkpoints hold.
 *
 * <p>Folds in floating point are not associative, so only a run's first blocks can be folded ahead of the rest:
 * a partial that starts at block 0 holds its {@link BlockFold} state (compact: one accumulator), and any other
 * holds its blocks' results one by one, to be folded in their turn. Appending the later partials of a run to the
 * first, in block order, therefore gives the bits that one process folding every block gives, for any split.
 *
 * @param <R> a block's result
 * @param <S> the fold's state
 */
public final class Partial<R, S> {
    private static final byte FOLDED = 1;
    private static final byte BLOCKS = 2;

    private final BlockFold<R, S> fold;
    private final int first;
    private int end;
    private S state;             // blocks [0, end) folded, when first == 0 and the fold is not deferred
    private final List<R> blocks; // blocks [first, end) one by one, otherwise

    private Partial(BlockFold<R, S> fold, int first, int end, S state, List<R> blocks) {
        this.fold = fold;
        this.first = first;
        this.end = end;
        this.state = state;
        this.blocks = blocks;
    }

    /**
     * Nothing yet, to be filled from block {@code first} on: folded as blocks arrive when {@code first} is 0 and
     * {@code foldFromStart} (a shard or checkpoint whose fold state is compact), else kept block by block.
     */
    public static <R, S> Partial<R, S> empty(BlockFold<R, S> fold, int first, boolean foldFromStart) {
        if (first < 0) {
            throw new IllegalArgumentException("first must be >= 0: " + first);
        }
        return first == 0 && foldFromStart ? new Partial<>(fold, 0, 0, fold.start(), null)
                : new Partial<>(fold, first, first, null, new ArrayList<>());
    }

    public BlockRange range() {
        return new BlockRange(first, end);
    }

    /** Whether blocks are folded as they come (a partial from block 0), rather than kept one by one. */
    public boolean folded() {
        return state != null;
    }

    /** Adds the result of block {@link BlockRange#end() range().end()}. */
    public void add(int block, R result) {
        if (block != end) {
            throw new IllegalArgumentException("blocks must be added in order: expected block " + end + ", got "
                    + block);
        }
        if (state != null) {
            state = fold.add(state, result);
        } else {
            blocks.add(result);
        }
        end++;
    }

    /** Adds every block of {@code later}, which must start where this one ends and hold its blocks one by one. */
    public void append(Partial<R, S> later) {
        if (later.first != end) {
            throw new IllegalArgumentException("partials must be appended in block order: this one ends at block "
                    + end + ", the next starts at " + later.first);
        }
        if (later.state != null) {
            throw new IllegalArgumentException("only a partial that starts at block 0 can be folded ahead");
        }
        for (R result : later.blocks) {
            add(end, result);
        }
    }

    /**
     * The partials of a run's shards, in block order, combined into one from block 0 that folds every block:
     * the first partial's state when it is folded, else a new fold of its blocks; then every later block in turn.
     * Empty partials (shards of a run with fewer blocks than shards) add nothing.
     *
     * @throws IllegalArgumentException when the partials do not follow each other from block 0
     */
    public static <R, S> Partial<R, S> concat(BlockFold<R, S> fold, List<Partial<R, S>> inOrder) {
        List<Partial<R, S>> nonEmpty = inOrder.stream().filter(p -> p.end > p.first).toList();
        if (nonEmpty.isEmpty()) {
            return empty(fold, 0, true);
        }
        if (nonEmpty.get(0).first != 0) {
            throw new IllegalArgumentException("the first partial must start at block 0");
        }
        Partial<R, S> head = nonEmpty.get(0);
        Partial<R, S> all;
        if (head.state != null) {
            all = new Partial<>(fold, 0, head.end, head.state, null);
        } else {
            all = empty(fold, 0, true);
            all.append(head);
        }
        for (Partial<R, S> later : nonEmpty.subList(1, nonEmpty.size())) {
            all.append(later);
        }
        return all;
    }

    /**
     * The fold of every block, from block 0 (a partial from 0; one kept block by block is folded now).
     *
     * @throws IllegalStateException when this partial does not start at block 0
     */
    public S state() {
        if (first != 0) {
            throw new IllegalStateException("blocks " + first + "-" + (end - 1) + " do not start at block 0");
        }
        if (state != null) {
            return state;
        }
        S folded = fold.start();
        for (R result : blocks) {
            folded = fold.add(folded, result);
        }
        return folded;
    }

    /** The blocks' results one by one (empty for a folded partial). */
    public List<R> blocks() {
        return blocks == null ? List.of() : Collections.unmodifiableList(blocks);
    }

    /** Writes the range and the state or blocks, exactly. */
    public void write(DataOutput out, BlockCodec<R, S> codec) throws IOException {
        out.writeInt(first);
        out.writeInt(end);
        if (state != null) {
            out.writeByte(FOLDED);
            codec.writeState(out, state);
        } else {
            out.writeByte(BLOCKS);
            for (R result : blocks) {
                codec.writeBlock(out, result);
            }
        }
    }

    /** Reads what {@link #write} wrote. */
    public static <R, S> Partial<R, S> read(DataInput in, BlockFold<R, S> fold, BlockCodec<R, S> codec)
            throws IOException {
        int first = in.readInt();
        int end = in.readInt();
        if (first < 0 || end < first) {
            throw new IOException("bad block range [" + first + ", " + end + ")");
        }
        byte mode = in.readByte();
        if (mode == FOLDED) {
            if (first != 0) {
                throw new IOException("a folded partial must start at block 0, not " + first);
            }
            return new Partial<>(fold, 0, end, codec.readState(in), null);
        }
        if (mode != BLOCKS) {
            throw new IOException("unknown partial layout " + mode);
        }
        List<R> blocks = new ArrayList<>();
        for (int block = first; block < end; block++) {
            blocks.add(codec.readBlock(in));
        }
        return new Partial<>(fold, first, end, null, blocks);
    }
}
