package org.ltpsim.spine.sim;

import java.util.List;
import org.ltpsim.spine.input.Pathway;

/**
 * Places the spines of every pathway on dendritic branches: the number of branches is
 * ceil(total spines / spines per branch), and spine j of each pathway sits on branch j mod branches, so every
 * branch carries the same mix of pathways. Within a branch spines are ordered by pathway, then by j; global spine
 * ids run branch by branch. This class owns that index arithmetic.
 *
 * <p>With several neurons (expression runs), each neuron is a copy of that layout: neuron k holds branches
 * k B .. (k + 1) B - 1 (B = branches of one neuron) with every pathway's spines on them, and spine j of pathway p in
 * neuron k is the pathway's spine k N_p + j.
 */
public final class SpineLayout {
    private final int branchCount;
    private final int[] branchStart;   // first global id of each branch, plus total at the end
    private final int[] pathwayOf;     // per global id
    private final int[] branchOf;      // per global id
    private final int[] indexInPathway; // per global id
    private final int neurons;
    private final int branchesPerNeuron;
    private final int[] pathwaySpines; // per pathway, over all neurons

    public SpineLayout(List<Pathway> pathways, int spinesPerBranch) {
        this(pathways, spinesPerBranch, 1);
    }

    /** {@code neurons} copies of the one-neuron layout, one after the other. */
    public SpineLayout(List<Pathway> pathways, int spinesPerBranch, int neurons) {
        if (pathways.isEmpty()) {
            throw new IllegalArgumentException("at least one pathway is needed");
        }
        if (spinesPerBranch < 1) {
            throw new IllegalArgumentException("spines per branch must be >= 1: " + spinesPerBranch);
        }
        if (neurons < 1) {
            throw new IllegalArgumentException("neurons must be >= 1: " + neurons);
        }
        long total = 0;
        for (Pathway p : pathways) {
            total += p.spineCount();
        }
        if (total * neurons > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many spines: " + total + " x " + neurons + " neurons");
        }
        this.neurons = neurons;
        branchesPerNeuron = (int) ((total + spinesPerBranch - 1) / spinesPerBranch);
        if ((long) branchesPerNeuron * neurons > Integer.MAX_VALUE / 2) {
            throw new IllegalArgumentException("too many branches: " + branchesPerNeuron + " x " + neurons);
        }
        branchCount = branchesPerNeuron * neurons;
        branchStart = new int[branchCount + 1];
        int n = (int) (total * neurons);
        pathwayOf = new int[n];
        branchOf = new int[n];
        indexInPathway = new int[n];
        pathwaySpines = new int[pathways.size()];
        for (int p = 0; p < pathways.size(); p++) {
            pathwaySpines[p] = pathways.get(p).spineCount() * neurons;
        }
        int id = 0;
        for (int k = 0; k < neurons; k++) {
            for (int b = 0; b < branchesPerNeuron; b++) {
                int branch = k * branchesPerNeuron + b;
                branchStart[branch] = id;
                for (int p = 0; p < pathways.size(); p++) {
                    int count = pathways.get(p).spineCount();
                    for (int j = b; j < count; j += branchesPerNeuron) {
                        pathwayOf[id] = p;
                        branchOf[id] = branch;
                        indexInPathway[id] = k * count + j;
                        id++;
                    }
                }
            }
        }
        branchStart[branchCount] = id;
    }

    public int neurons() {
        return neurons;
    }

    public int branchesPerNeuron() {
        return branchesPerNeuron;
    }

    public int neuronOfBranch(int branch) {
        return branch / branchesPerNeuron;
    }

    /** Spines of pathway {@code p} over all neurons. */
    public int pathwaySpineCount(int p) {
        return pathwaySpines[p];
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
