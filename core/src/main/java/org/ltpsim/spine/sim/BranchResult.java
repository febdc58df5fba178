package org.ltpsim.spine.sim;

/**
 * What one branch hands back: per-spine readouts (index = position on the branch) and, per pathway, the sum and
 * sum of squared deviations of spine calcium at each trace time and the sums of each spine's calcium extremes over the bin
 * ending there, to be merged across branches in branch order; and the traces of any recorded spines on it.
 */
public final class BranchResult {
    final double[] peakCaMicroMolar;
    final double[] qMaxMicroMolarSec;
    final double[] qEndMicroMolarSec;
    final double[] caElevatedMs;
    final double[] peakDepolarisationMv;
    final double[] caInfluxMicroMolar;
    final double[] nmdaOpenChannelMs;
    final int[] releases;
    final boolean[] camkiiOn;
    final boolean[] camkiiLtp;
    final double[][] traceSum;
    /** Per pathway and bin: sum of squared deviations from the branch's own mean ({@link org.ltpsim.stats.YoungsCramer}). */
    final double[][] traceSumSquaredDeviations;
    final double[][] traceMinSum;
    final double[][] traceMaxSum;
    SpineTrace[] recordedTraces = new SpineTrace[0];
    /** Expression runs only (null otherwise): the weight records and readouts of {@link ExpressionRecords}. */
    ExpressionRecords expression;
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
        camkiiOn = new boolean[spines];
        camkiiLtp = new boolean[spines];
        traceSum = new double[pathways][traceBins];
        traceSumSquaredDeviations = new double[pathways][traceBins];
        traceMinSum = new double[pathways][traceBins];
        traceMaxSum = new double[pathways][traceBins];
    }
}
