package org.ltpsim.ssa;

/**
 * The partial accumulator of an ensemble: the moments of every species at every output time over some
 * realisations (one block of {@link EnsembleSimulator#BLOCK_SIZE}, or the fold of the blocks so far), and the
 * reaction events they fired. Merged in block order by {@link EnsembleBlocks#fold()}.
 */
public final class EnsembleBlock {
    final MomentGrid grid;
    long events;

    EnsembleBlock(MomentGrid grid, long events) {
        this.grid = grid;
        this.events = events;
    }

    /** Realisations accumulated. */
    public long realisations() {
        return grid.count();
    }

    public long events() {
        return events;
    }
}
