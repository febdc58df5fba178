package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import org.ltpsim.stats.RunningStats;

/**
 * One experiment's branches folded in branch order as they arrive: their per-spine readouts copied into arrays sized
 * once for the whole run, their calcium trace sums added into one set of per-pathway sums (the sd by Chan et al.'s
 * merge, {@link RunningStats#merge}). A branch is not needed after {@link #add}, so a run holds its per-spine
 * readouts and one set of trace sums, not one set per branch. The fold is the same left fold, in the same order,
 * as when the branches were all kept and merged at the end: the same bits.
 */
public final class SpineAggregate {
    final SpineExperiment experiment;
    final SpineLayout layout;
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
    final double[] branchPeakDepolarisationMv;
    /** Per pathway and trace bin, over the branches so far; sized by the first branch (0 bins: no trace sums). */
    double[][] traceSum;
    RunningStats[][] traceStats;
    double[][] traceMinSum;
    double[][] traceMaxSum;
    final List<SpineTrace> recordedTraces = new ArrayList<>();
    long fastSteps;
    long slowSteps;
    long jumps;
    /** Branches added so far: the next one is branch {@code branches}. */
    int branches;

    SpineAggregate(SpineExperiment experiment, SpineLayout layout) {
        this.experiment = experiment;
        this.layout = layout;
        int n = layout.spineCount();
        peakCaMicroMolar = new double[n];
        qMaxMicroMolarSec = new double[n];
        qEndMicroMolarSec = new double[n];
        caElevatedMs = new double[n];
        peakDepolarisationMv = new double[n];
        caInfluxMicroMolar = new double[n];
        nmdaOpenChannelMs = new double[n];
        releases = new int[n];
        camkiiOn = new boolean[n];
        camkiiLtp = new boolean[n];
        branchPeakDepolarisationMv = new double[layout.branchCount()];
    }

    /** All of {@code branches}, in branch order. */
    static SpineAggregate of(SpineExperiment experiment, SpineLayout layout, List<BranchResult> branches) {
        SpineAggregate aggregate = new SpineAggregate(experiment, layout);
        for (BranchResult branch : branches) {
            aggregate.add(branch);
        }
        return aggregate;
    }

    /** Whether every branch of the experiment has been added. */
    boolean complete() {
        return branches == layout.branchCount();
    }

    /** Sizes the trace sums to {@code bins} bins per pathway (the first branch's, or a saved state's). */
    void allocateTraces(int bins) {
        int pathways = experiment.pathways().size();
        traceSum = new double[pathways][bins];
        traceStats = new RunningStats[pathways][bins];
        for (RunningStats[] pathway : traceStats) {
            for (int k = 0; k < bins; k++) {
                pathway[k] = new RunningStats();
            }
        }
        traceMinSum = new double[pathways][bins];
        traceMaxSum = new double[pathways][bins];
    }

    int bins() {
        return traceSum == null ? -1 : traceSum[0].length;
    }

    /**
     * Folds in the next branch (branch {@link #branches}).
     *
     * @throws IllegalArgumentException when it does not fit the layout, or its trace bins differ from the first's
     */
    void add(BranchResult r) {
        int b = branches;
        if (b >= layout.branchCount()) {
            throw new IllegalArgumentException("the experiment has " + layout.branchCount() + " branches, got more");
        }
        int first = layout.firstSpine(b);
        int count = layout.spinesOn(b);
        if (r.peakCaMicroMolar.length != count) {
            throw new IllegalArgumentException("branch " + b + " has " + count + " spines, got "
                    + r.peakCaMicroMolar.length);
        }
        int pathways = experiment.pathways().size();
        int bins = r.traceSum[0].length;
        if (traceSum == null) {
            allocateTraces(bins);
        } else if (bins != bins()) {
            throw new IllegalArgumentException("branch " + b + " has " + bins + " trace bins, the first had " + bins());
        }
        System.arraycopy(r.peakCaMicroMolar, 0, peakCaMicroMolar, first, count);
        System.arraycopy(r.qMaxMicroMolarSec, 0, qMaxMicroMolarSec, first, count);
        System.arraycopy(r.qEndMicroMolarSec, 0, qEndMicroMolarSec, first, count);
        System.arraycopy(r.caElevatedMs, 0, caElevatedMs, first, count);
        System.arraycopy(r.peakDepolarisationMv, 0, peakDepolarisationMv, first, count);
        System.arraycopy(r.caInfluxMicroMolar, 0, caInfluxMicroMolar, first, count);
        System.arraycopy(r.nmdaOpenChannelMs, 0, nmdaOpenChannelMs, first, count);
        System.arraycopy(r.releases, 0, releases, first, count);
        System.arraycopy(r.camkiiOn, 0, camkiiOn, first, count);
        System.arraycopy(r.camkiiLtp, 0, camkiiLtp, first, count);
        branchPeakDepolarisationMv[b] = r.peakBranchDepolarisationMv;
        int[] onBranch = new int[pathways]; // spines of each pathway on this branch
        for (int i = 0; i < count; i++) {
            onBranch[layout.pathwayOf(first + i)]++;
        }
        for (int p = 0; p < pathways; p++) {
            for (int k = 0; k < bins; k++) {
                traceSum[p][k] += r.traceSum[p][k];
                if (onBranch[p] > 0) { // Chan et al.'s merge, in branch order
                    traceStats[p][k].merge(RunningStats.of(onBranch[p], r.traceSum[p][k] / onBranch[p],
                            r.traceSumSquaredDeviations[p][k]));
                }
                traceMinSum[p][k] += r.traceMinSum[p][k];
                traceMaxSum[p][k] += r.traceMaxSum[p][k];
            }
        }
        recordedTraces.addAll(List.of(r.recordedTraces)); // branch order = ascending spine id
        fastSteps += r.fastSteps;
        slowSteps += r.slowSteps;
        jumps += r.jumps;
        branches++;
    }
}
