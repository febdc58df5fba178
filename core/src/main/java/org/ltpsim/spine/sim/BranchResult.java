package org.ltpsim.spine.sim;

/**
 * What one branch hands back: per-spine readouts (index = position on the branch) and, per pathway, the sum and
 * sum of squares of spine calcium at each trace time, to be merged across branches in branch order.
 */
final class BranchResult {
    final double[] peakCaMicroMolar;
    final double[] qMaxMicroMolarSec;
    final double[] qEndMicroMolarSec;
    final double[] caElevatedMs;
    final double[] peakDepolarisationMv;
    final double[] caInfluxMicroMolar;
    final double[] nmdaOpenChannelMs;
    final int[] releases;
    final double[][] traceSum;
    final double[][] traceSumSquares;
    double peakBranchDepolarisationMv;
    long fastSteps;
    long slowSteps;
    long jumps;

    BranchResult(int spines, int pathways, int traceBins) {
        peakCaMicroMolar = new double[spines];
        qMaxMicroMolarSec = new double[spines];
        qEndMicroMolarSec = new double[spines];
        caElevatedMs = new double[spines];
        peakDepolarisationMv = new double[spines];
        caInfluxMicroMolar = new double[spines];
        nmdaOpenChannelMs = new double[spines];
        releases = new int[spines];
        traceSum = new double[pathways][traceBins];
        traceSumSquares = new double[pathways][traceBins];
    }
}
