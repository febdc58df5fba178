package org.ltpsim.spine.sim;

/** Folds one branch's calcium trace sums into another's (the experiment's first branch), in place. */
final class TraceSums {
    private static final double[] NONE = new double[0];

    private TraceSums() {}

    /**
     * Adds {@code branch}'s four trace sums into {@code holder}'s, element by element, and leaves {@code branch}
     * with empty ones. Nothing happens unless both have trace sums of the same shape (shards carry none).
     */
    static void addInto(BranchResult holder, BranchResult branch) {
        if (!sameShape(holder, branch)) {
            return;
        }
        for (int p = 0; p < branch.traceSum.length; p++) {
            add(holder.traceSum[p], branch.traceSum[p]);
            add(holder.traceSumSquares[p], branch.traceSumSquares[p]);
            add(holder.traceMinSum[p], branch.traceMinSum[p]);
            add(holder.traceMaxSum[p], branch.traceMaxSum[p]);
            branch.traceSum[p] = NONE;
            branch.traceSumSquares[p] = NONE;
            branch.traceMinSum[p] = NONE;
            branch.traceMaxSum[p] = NONE;
        }
    }

    /** Whether the branch's trace sums were folded away (or it never had any). */
    static boolean empty(BranchResult branch) {
        return branch.traceSum.length == 0 || branch.traceSum[0].length == 0;
    }

    private static boolean sameShape(BranchResult a, BranchResult b) {
        return a.traceSum.length == b.traceSum.length && !empty(a) && !empty(b)
                && a.traceSum[0].length == b.traceSum[0].length;
    }

    private static void add(double[] into, double[] from) {
        for (int k = 0; k < from.length; k++) {
            into[k] += from[k];
        }
    }
}
