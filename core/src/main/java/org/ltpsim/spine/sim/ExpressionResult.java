package org.ltpsim.spine.sim;

import java.util.ArrayList;
import java.util.List;
import org.ltpsim.spine.expression.ExpressionSettings;

/**
 * The weights and late-phase readouts of an expression run, merged over branches in branch order (the same numbers
 * for any thread count). Record r is at time r x {@link #recordEveryMs()}; the weight of a spine is its synaptic
 * AMPA conductance, (synaptic AMPARs) x the unitary conductance, in nS. Pathway means run over the pathway's spines
 * in every neuron.
 */
public final class ExpressionResult {
    private final SpineLayout layout;
    private final int pathways;
    private final int records;
    private final double recordEveryMs;
    private final double unitaryNs;
    private final int[][] synapticAmpa; // [record][global spine]
    private final double[][] gluA2Lacking; // [pathway][record] sums
    private final double[][] reserve;
    private final double[][] slots;
    private final double[][] stableSlots;
    private final double[][] nmda;
    private final double[][] volume;
    private final int[][] tagged;
    private final int[][] primed;
    private final double[][] epspSpineSum; // [pathway][test]
    private final int[][] epspSpines;
    private final double[][] epspBranchSum;
    private final int[][] epspBranches;
    private final double[][] testPulseTimesMs;
    private final int[] synapticNmdaEnd;
    private final int[] slotsEnd;
    private final long[] reactionCounts;
    private final List<String> conservationViolations;
    private final CellRecords cells;

    ExpressionResult(SpineExperiment experiment, SpineLayout layout, List<BranchResult> branches, CellRecords cells) {
        this.layout = layout;
        ExpressionSettings settings = experiment.expression();
        this.pathways = experiment.pathways().size();
        this.recordEveryMs = settings.recordEveryMs();
        this.unitaryNs = experiment.model().ampaConductanceNs();
        ExpressionRecords first = branches.get(0).expression;
        this.records = first.synapticAmpa.length;
        int n = layout.spineCount();
        synapticAmpa = new int[records][n];
        gluA2Lacking = new double[pathways][records];
        reserve = new double[pathways][records];
        slots = new double[pathways][records];
        stableSlots = new double[pathways][records];
        nmda = new double[pathways][records];
        volume = new double[pathways][records];
        tagged = new int[pathways][records];
        primed = new int[pathways][records];
        epspSpineSum = new double[pathways][];
        epspSpines = new int[pathways][];
        epspBranchSum = new double[pathways][];
        epspBranches = new int[pathways][];
        testPulseTimesMs = new double[pathways][];
        for (int p = 0; p < pathways; p++) {
            int tests = first.epspSpines[p].length;
            epspSpineSum[p] = new double[tests];
            epspSpines[p] = new int[tests];
            epspBranchSum[p] = new double[tests];
            epspBranches[p] = new int[tests];
            testPulseTimesMs[p] = settings.testPulseTimesMs(p, experiment.endMs());
        }
        synapticNmdaEnd = new int[n];
        slotsEnd = new int[n];
        reactionCounts = new long[first.reactionCounts == null ? 0 : first.reactionCounts.length];
        List<String> violations = new ArrayList<>();
        for (int b = 0; b < branches.size(); b++) { // branch order
            ExpressionRecords x = branches.get(b).expression;
            int start = layout.firstSpine(b);
            int count = layout.spinesOn(b);
            for (int r = 0; r < records; r++) {
                System.arraycopy(x.synapticAmpa[r], 0, synapticAmpa[r], start, count);
            }
            for (int p = 0; p < pathways; p++) {
                for (int r = 0; r < records; r++) {
                    gluA2Lacking[p][r] += x.gluA2LackingSum[p][r];
                    reserve[p][r] += x.reserveSum[p][r];
                    slots[p][r] += x.slotsSum[p][r];
                    stableSlots[p][r] += x.stableSlotsSum[p][r];
                    nmda[p][r] += x.nmdaSum[p][r];
                    volume[p][r] += x.volumeSum[p][r];
                    tagged[p][r] += x.tagged[p][r];
                    primed[p][r] += x.primed[p][r];
                }
                for (int k = 0; k < epspSpines[p].length; k++) {
                    if (x.epspSpines[p][k] > 0) {
                        epspSpineSum[p][k] += x.epspSpineSumMv[p][k];
                        epspSpines[p][k] += x.epspSpines[p][k];
                        epspBranchSum[p][k] += x.epspBranchMv[p][k];
                        epspBranches[p][k]++;
                    }
                }
            }
            System.arraycopy(x.synapticNmdaEnd, 0, synapticNmdaEnd, start, count);
            System.arraycopy(x.slotsEnd, 0, slotsEnd, start, count);
            for (int k = 0; k < reactionCounts.length; k++) {
                reactionCounts[k] += x.reactionCounts[k];
            }
            if (x.conservationViolation != null) {
                violations.add("branch " + b + ": " + x.conservationViolation);
            }
        }
        conservationViolations = List.copyOf(violations);
        this.cells = cells;
    }

    public int recordCount() {
        return records;
    }

    public double recordEveryMs() {
        return recordEveryMs;
    }

    public double recordTimeMs(int record) {
        return record * recordEveryMs;
    }

    /** The record at exactly {@code timeMs}, or -1 if no record falls there. */
    public int recordAt(double timeMs) {
        double r = timeMs / recordEveryMs;
        long k = Math.round(r);
        return Math.abs(r - k) < 1e-9 * Math.max(1, r) && k >= 0 && k < records ? (int) k : -1;
    }

    public int neurons() {
        return layout.neurons();
    }

    /** Synaptic AMPARs of a spine (global id) at a record. */
    public int synapticAmpa(int spine, int record) {
        return synapticAmpa[record][spine];
    }

    /** Weight (synaptic AMPA conductance, nS) of a spine at a record. */
    public double weightNs(int spine, int record) {
        return synapticAmpa[record][spine] * unitaryNs;
    }

    /** The weights (nS) of pathway p's spines at a record, in spine order. */
    public double[] weightsNs(int pathway, int record) {
        double[] w = new double[layout.pathwaySpineCount(pathway)];
        int k = 0;
        for (int i = 0; i < layout.spineCount(); i++) {
            if (layout.pathwayOf(i) == pathway) {
                w[k++] = weightNs(i, record);
            }
        }
        return w;
    }

    public double meanWeightNs(int pathway, int record) {
        double sum = 0;
        for (int i = 0; i < layout.spineCount(); i++) {
            if (layout.pathwayOf(i) == pathway) {
                sum += synapticAmpa[record][i];
            }
        }
        return sum * unitaryNs / layout.pathwaySpineCount(pathway);
    }

    /** Mean weight relative to the pathway's mean at the start of the run (record 0, before any stimulus). */
    public double normalisedWeight(int pathway, int record) {
        return meanWeightNs(pathway, record) / meanWeightNs(pathway, 0);
    }

    /** 100 x (normalised weight - 1). */
    public double weightChangePercent(int pathway, int record) {
        return 100 * (normalisedWeight(pathway, record) - 1);
    }

    private double mean(double[][] sums, int pathway, int record) {
        return sums[pathway][record] / layout.pathwaySpineCount(pathway);
    }

    public double meanSynapticAmpa(int pathway, int record) {
        return meanWeightNs(pathway, record) / unitaryNs;
    }

    /** GluA2-lacking share of the pathway's synaptic AMPARs. */
    public double gluA2LackingShare(int pathway, int record) {
        double synaptic = meanSynapticAmpa(pathway, record) * layout.pathwaySpineCount(pathway);
        return synaptic == 0 ? 0 : gluA2Lacking[pathway][record] / synaptic;
    }

    public double meanReserveAmpa(int pathway, int record) {
        return mean(reserve, pathway, record);
    }

    public double meanSlots(int pathway, int record) {
        return mean(slots, pathway, record);
    }

    public double meanStableSlots(int pathway, int record) {
        return mean(stableSlots, pathway, record);
    }

    public double meanSynapticNmda(int pathway, int record) {
        return mean(nmda, pathway, record);
    }

    public double meanRelativeVolume(int pathway, int record) {
        return mean(volume, pathway, record);
    }

    public double taggedFraction(int pathway, int record) {
        return (double) tagged[pathway][record] / layout.pathwaySpineCount(pathway);
    }

    public double primedFraction(int pathway, int record) {
        return (double) primed[pathway][record] / layout.pathwaySpineCount(pathway);
    }

    /** Protein units in a neuron's pool at a record (as of the last synchronisation point before it). */
    public double proteinUnits(int neuron, int record) {
        return cells.proteins[neuron][record];
    }

    /** Mean over neurons of the protein pool at a record. */
    public double meanProteinUnits(int record) {
        double sum = 0;
        for (int k = 0; k < cells.proteins.length; k++) {
            sum += cells.proteins[k][record];
        }
        return sum / cells.proteins.length;
    }

    public double meanNuclearSignal(int record) {
        double sum = 0;
        for (int k = 0; k < cells.signal.length; k++) {
            sum += cells.signal[k][record];
        }
        return sum / cells.signal.length;
    }

    public double meanTranscripts(int record) {
        double sum = 0;
        for (int k = 0; k < cells.transcripts.length; k++) {
            sum += cells.transcripts[k][record];
        }
        return sum / cells.transcripts.length;
    }

    /** Units captured beyond the pool at synchronisation points, all neurons (0 unless sync intervals are long). */
    public double proteinOverdraftUnits() {
        double sum = 0;
        for (double d : cells.overdraftUnits) {
            sum += d;
        }
        return sum;
    }

    public double capturedUnits() {
        double sum = 0;
        for (double d : cells.capturedUnits) {
            sum += d;
        }
        return sum;
    }

    /** LTP-level induction events counted by the nuclei, all neurons. */
    public long inductions() {
        long sum = 0;
        for (long d : cells.inductions) {
            sum += d;
        }
        return sum;
    }

    public double[] testPulseTimesMs(int pathway) {
        return testPulseTimesMs[pathway].clone();
    }

    /** Mean over the pathway's spines of their peak head depolarisation after test pulse k (mV): the EPSP. */
    public double epspMv(int pathway, int test) {
        return epspSpines[pathway][test] == 0 ? Double.NaN : epspSpineSum[pathway][test] / epspSpines[pathway][test];
    }

    /** Mean over branches of the branch compartment's peak depolarisation after the pathway's test pulse k (mV). */
    public double branchEpspMv(int pathway, int test) {
        return epspBranches[pathway][test] == 0 ? Double.NaN
                : epspBranchSum[pathway][test] / epspBranches[pathway][test];
    }

    public int synapticNmdaAtEnd(int spine) {
        return synapticNmdaEnd[spine];
    }

    public int slotsAtEnd(int spine) {
        return slotsEnd[spine];
    }

    /** Trafficking, tag and NMDAR reactions fired, by kind (order of SynapseExpression's reactions). */
    public long[] reactionCounts() {
        return reactionCounts.clone();
    }

    /** Receptor conservation failures found at the end, one line per branch (empty when it holds everywhere). */
    public List<String> conservationViolations() {
        return conservationViolations;
    }
}
