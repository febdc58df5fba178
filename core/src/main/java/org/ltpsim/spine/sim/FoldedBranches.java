package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;

/**
 * The state of a spine run folded in block order ({@link SpineBlocks#fold()}): one {@link SpineAggregate} per
 * experiment reached so far, the last one possibly still taking branches. Branches are not kept.
 */
public final class FoldedBranches {
    final List<SpineAggregate> experiments = new ArrayList<>();

    /** Blocks folded so far. */
    public int blockCount() {
        int total = 0;
        for (SpineAggregate aggregate : experiments) {
            total += aggregate.branches;
        }
        return total;
    }
}
