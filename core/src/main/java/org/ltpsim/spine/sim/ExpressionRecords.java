package org.ltpsim.spine.sim;

/**
 * What one branch records of the expression layers: at every weight record time (k x record interval, k = 0 ..),
 * each spine's synaptic AMPARs, and per pathway sums over its spines of the other readouts; per test pulse and
 * pathway the sum of its spines' peak head depolarisation and the branch's peak depolarisation; final per-spine
 * readouts; reaction counts; and the result of the conservation check (null when it holds).
 */
final class ExpressionRecords {
    final int[][] synapticAmpa; // [record][spine]
    final double[][] gluA2LackingSum; // [pathway][record]
    final double[][] reserveSum;
    final double[][] slotsSum;
    final double[][] stableSlotsSum;
    final double[][] nmdaSum;
    final double[][] volumeSum;
    final int[][] tagged;
    final int[][] primed;
    final double[][] epspSpineSumMv; // [pathway][test pulse]
    final int[][] epspSpines;
    final double[][] epspBranchMv; // [pathway][test pulse], this branch's peak (one value per branch)
    final int[] synapticNmdaEnd;
    final int[] slotsEnd;
    long[] reactionCounts;
    String conservationViolation;

    ExpressionRecords(int spines, int pathways, int records, int[] testPulses) {
        synapticAmpa = new int[records][spines];
        gluA2LackingSum = new double[pathways][records];
        reserveSum = new double[pathways][records];
        slotsSum = new double[pathways][records];
        stableSlotsSum = new double[pathways][records];
        nmdaSum = new double[pathways][records];
        volumeSum = new double[pathways][records];
        tagged = new int[pathways][records];
        primed = new int[pathways][records];
        epspSpineSumMv = new double[pathways][];
        epspSpines = new int[pathways][];
        epspBranchMv = new double[pathways][];
        for (int p = 0; p < pathways; p++) {
            epspSpineSumMv[p] = new double[testPulses[p]];
            epspSpines[p] = new int[testPulses[p]];
            epspBranchMv[p] = new double[testPulses[p]];
            java.util.Arrays.fill(epspBranchMv[p], Double.NaN);
        }
        synapticNmdaEnd = new int[spines];
        slotsEnd = new int[spines];
    }
}
