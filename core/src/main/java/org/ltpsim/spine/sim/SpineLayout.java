package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.spine.input.Pathway;

/**
 * Places the spines of every pathway on dendritic branches: the number of branches is
 * ceil(total spines / spines per branch), and spine j of each pathway sits on branch j mod branches, so every
 * branch carries the same mix of pathways. Within a branch spines are ordered by pathway, then by j; global spine
 * ids run branch by branch. This class owns that index arithmetic.
 */
public final class SpineLayout {
    private final int branchCount;
    private final int[] branchStart;   // first global id of each branch, plus total at the end
    private final int[] pathwayOf;     // per global id
    private final int[] branchOf;      // per global id
    private final int[] indexInPathway; // per global id

    public SpineLayout(List<Pathway> pathways, int spinesPerBranch) {
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("at least one pathway is needed");
        }
        if (spinesPerBranch < 1) {
            throw new IllegalArgumentException("spines per branch must be >= 1: " + spinesPerBranch);
        }
        long total = 0;
        for (Pathway p : pathways) {
            total += p.spineCount();
        }
        if (total > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many spines: " + total);
        }
        branchCount = (int) ((total + spinesPerBranch - 1) / spinesPerBranch);
        branchStart = new int[branchCount + 1];
        int n = (int) total;
        pathwayOf = new int[n];
        branchOf = new int[n];
        indexInPathway = new int[n];
        int id = 0;
        for (int b = 0; b < branchCount; b++) {
            branchStart[b] = id;
            for (int p = 0; p < pathways.size(); p++) {
                for (int j = b; j < pathways.get(p).spineCount(); j += branchCount) {
                    pathwayOf[id] = p;
                    branchOf[id] = b;
                    indexInPathway[id] = j;
                    id++;
                }
            }
        }
        branchStart[branchCount] = id;
    }

    public int branchCount() {
        return branchCount;
    }

    public int spineCount() {
        return pathwayOf.length;
    }

    public int firstSpine(int branch) {
        return branchStart[branch];
    }

    public int spinesOn(int branch) {
        return branchStart[branch + 1] - branchStart[branch];
    }

    public int pathwayOf(int spine) {
        return pathwayOf[spine];
    }

    public int branchOf(int spine) {
        return branchOf[spine];
    }

    public int indexInPathway(int spine) {
        return indexInPathway[spine];
    }
}
